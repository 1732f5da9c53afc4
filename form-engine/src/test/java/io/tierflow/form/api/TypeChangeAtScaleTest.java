package io.tierflow.form.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * The must-show: on a form of 100,000 records, a text field becomes a number. The preview counts what
 * converts and shows examples of what does not; then the conversion keeps every original value in the backup
 * column. (Functional, not timed: speed belongs to bench/.)
 */
@QuarkusTest
class TypeChangeAtScaleTest {

    static final int ROWS = 100_000;

    @Inject
    UserDirectory users;

    @Inject
    Mutiny.SessionFactory sessions;

    static RequestSpecification mgr() {
        return TestUsers.as("east_mgr").contentType(ContentType.JSON);
    }

    private long sql(String statement) {
        return sessions.withTransaction(s -> s.createNativeQuery(statement).getSingleResult())
                .map(r -> ((Number) r).longValue()).await().indefinitely();
    }

    @Test
    void aTypeChangeOnAHundredThousandRecordsIsPreviewedThenConvertsKeepingEveryValue() {
        long owner = FormFixtures.people(users).manager().id();
        mgr().body("""
                {"key":"big_type","name":"大表","fields":[{"key":"name","label":"名称","type":"text"},
                  {"key":"budget","label":"预算","type":"text"}]}""").post("/api/forms").then().statusCode(201);
        JsonPath form = mgr().get("/api/forms/big_type").then().extract().jsonPath();
        long id = form.getLong("id");
        long budget = form.getLong("fields.find { it.key == 'budget' }.id");
        // every tenth value is not a number; the others are typed as people type them (¥, thousands separators)
        assertEquals(ROWS, sql("WITH ins AS (INSERT INTO rec_" + id + " (owner_id, f_" + budget + ") SELECT " + owner
                + ", CASE WHEN g % 10 = 0 THEN '待定' || g WHEN g % 10 = 1 THEN '¥' || to_char(g * 10, 'FM999,999,999')"
                + " ELSE (g * 1.5)::text END FROM generate_series(1, " + ROWS + ") g RETURNING 1) SELECT count(*) FROM ins"));

        mgr().body("{\"type\":\"number\",\"config\":{}}").post("/api/forms/big_type/fields/budget/type/preview").then()
                .statusCode(200).body("total", equalTo(ROWS)).body("empty", equalTo(0))
                .body("convertible", equalTo(ROWS - ROWS / 10)).body("failing", equalTo(ROWS / 10))
                .body("examples", hasSize(org.hamcrest.Matchers.greaterThan(0)))
                .body("examples[0].value", equalTo("待定10"));
        assertEquals(ROWS, sql("SELECT count(f_" + budget + ") FROM rec_" + id), "a preview changes nothing");

        mgr().body("{\"type\":\"number\",\"confirm\":true}").post("/api/forms/big_type/fields/budget/type").then()
                .statusCode(200).body("type", equalTo("number"));
        assertEquals(ROWS - ROWS / 10, sql("SELECT count(f_" + budget + ") FROM rec_" + id));
        assertEquals(0, sql("SELECT count(*) FROM rec_" + id + " WHERE f_" + budget + " <> (id * 1.5) AND id % 10 > 1"));
        assertEquals(0, sql("SELECT count(*) FROM rec_" + id + " WHERE f_" + budget + " <> id * 10 AND id % 10 = 1"));
        String backup = sessions.withSession(s -> s.createNativeQuery("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'rec_" + id + "' AND column_name LIKE 'f_" + budget + "_was_%'", String.class).getSingleResult())
                .await().indefinitely();
        assertEquals(ROWS, sql("SELECT count(" + backup + ") FROM rec_" + id), "every original value is kept");
        assertEquals(ROWS / 10, sql("SELECT count(*) FROM rec_" + id + " WHERE " + backup + " LIKE '待定%' AND f_" + budget + " IS NULL"));
    }
}
