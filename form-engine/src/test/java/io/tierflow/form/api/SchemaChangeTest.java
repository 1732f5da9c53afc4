package io.tierflow.form.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema changes that lose nothing: each one checked against the values already stored. */
@QuarkusTest
class SchemaChangeTest {

    @Inject
    UserDirectory users;

    @Inject
    AgroalDataSource db;

    static RequestSpecification mgr() {
        return TestUsers.as("east_mgr").contentType(ContentType.JSON);
    }

    static int create(String form, String values) {
        return TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"values\":" + values + "}")
                .post("/api/forms/" + form + "/records").then().statusCode(201).extract().path("id");
    }

    static void form(String key, String fields) {
        mgr().body("{\"key\":\"" + key + "\",\"name\":\"x\",\"fields\":" + fields + "}").post("/api/forms").then().statusCode(201);
    }

    @Test
    void anAddedFormulaIsBackfilledAndARelabelKeepsEveryValue() {
        FormFixtures.people(users);
        form("sc_add", "[{\"key\":\"amount\",\"label\":\"数量\",\"type\":\"number\"}]");
        int id = create("sc_add", "{\"amount\":21}");
        mgr().body("{\"key\":\"double\",\"label\":\"双倍\",\"type\":\"formula\",\"config\":{\"formula\":\"amount * 2\"}}")
                .post("/api/forms/sc_add/fields").then().statusCode(201);
        TestUsers.as("east_rep").get("/api/forms/sc_add/records/" + id).then().body("values.double", equalTo(42));
        mgr().body("{\"label\":\"件数\"}").patch("/api/forms/sc_add/fields/amount").then().statusCode(200)
                .body("label", equalTo("件数")).body("key", equalTo("amount"));
        TestUsers.as("east_rep").get("/api/forms/sc_add/records/" + id).then().body("values.amount", equalTo(21));
        mgr().body("{\"config\":{\"formula\":\"CONCAT(amount, \\\"件\\\")\"}}").patch("/api/forms/sc_add/fields/double")
                .then().statusCode(200).body("config.resultType", equalTo("TEXT"));
        TestUsers.as("east_rep").get("/api/forms/sc_add/records/" + id).then().body("values.double", equalTo("21件"));
        mgr().body("[\"double\",\"amount\"]").put("/api/forms/sc_add/fields/order").then().statusCode(200)
                .body("key", contains("double", "amount"));
        mgr().body("[\"double\"]").put("/api/forms/sc_add/fields/order").then().statusCode(400);
    }

    @Test
    void aDeletedFieldKeepsItsValuesInTheTrashAndComesBackWithThem() {
        FormFixtures.people(users);
        form("sc_trash", "[{\"key\":\"name\",\"label\":\"名称\",\"type\":\"text\"},{\"key\":\"amount\",\"label\":\"数量\",\"type\":\"number\"},"
                + "{\"key\":\"double\",\"label\":\"双倍\",\"type\":\"formula\",\"config\":{\"formula\":\"amount * 2\"}}]");
        int id = create("sc_trash", "{\"name\":\"甲\",\"amount\":5}");
        mgr().header("Accept-Language", "en").delete("/api/forms/sc_trash/fields/amount").then().statusCode(409)
                .body("title", containsString("double"));
        mgr().delete("/api/forms/sc_trash/fields/name").then().statusCode(200).body("key", not(hasItem("name")));
        TestUsers.as("east_rep").get("/api/forms/sc_trash/records/" + id).then().body("values", not(hasKey("name")));
        mgr().get("/api/forms/sc_trash/fields/trash").then().body("key", contains("name"));
        mgr().body("{\"key\":\"name\",\"label\":\"新名称\",\"type\":\"text\"}").post("/api/forms/sc_trash/fields")
                .then().statusCode(409);
        mgr().post("/api/forms/sc_trash/fields/name/restore").then().statusCode(200).body("key", equalTo("name"));
        TestUsers.as("east_rep").get("/api/forms/sc_trash/records/" + id).then().body("values.name", equalTo("甲"));
        mgr().post("/api/forms/sc_trash/fields/name/restore").then().statusCode(404);
    }

    @Test
    void aTypeChangeIsPreviewedThenConvertsAndKeepsTheValuesThatDidNotFit() throws Exception {
        FormFixtures.people(users);
        form("sc_type", "[{\"key\":\"name\",\"label\":\"名称\",\"type\":\"text\"},{\"key\":\"budget\",\"label\":\"预算\",\"type\":\"text\"},"
                + "{\"key\":\"double\",\"label\":\"双倍\",\"type\":\"formula\",\"config\":{\"formula\":\"LEN(budget)\"}}]");
        int plain = create("sc_type", "{\"name\":\"a\",\"budget\":\"12\"}");
        int money = create("sc_type", "{\"name\":\"b\",\"budget\":\"¥1,300\"}");
        int words = create("sc_type", "{\"name\":\"c\",\"budget\":\"很多\"}");
        create("sc_type", "{\"name\":\"d\"}");
        String toNumber = "{\"type\":\"number\",\"config\":{}}";
        io.restassured.RestAssured.given().cookie("tierflow_session", TestUsers.login("east_mgr"))
                .contentType(ContentType.JSON).header("Accept-Language", "zh-CN").body(toNumber).post("/api/forms/sc_type/fields/budget/type/preview").then()
                .statusCode(200)
                .body("total", equalTo(4)).body("empty", equalTo(1)).body("convertible", equalTo(2)).body("failing", equalTo(1))
                .body("examples[0].recordId", equalTo(words)).body("examples[0].value", equalTo("很多"))
                .body("examples[0].message", containsString("应为数字"));
        TestUsers.as("east_rep").get("/api/forms/sc_type/records/" + plain).then().body("values.budget", equalTo("12"));
        mgr().body(toNumber).post("/api/forms/sc_type/fields/budget/type").then().statusCode(400)
                .body("errors[0].field", equalTo("confirm"));
        // the formula reads budget as text: the change is refused and nothing moves
        mgr().body("{\"type\":\"number\",\"confirm\":true}").post("/api/forms/sc_type/fields/budget/type").then()
                .statusCode(400).body("errors[0].field", equalTo("fields[2].config.formula"));
        TestUsers.as("east_rep").get("/api/forms/sc_type/records/" + money).then().body("values.budget", equalTo("¥1,300"));
        mgr().body("{\"config\":{\"formula\":\"1\"}}").patch("/api/forms/sc_type/fields/double").then().statusCode(200);
        mgr().body("{\"type\":\"number\",\"confirm\":true}").post("/api/forms/sc_type/fields/budget/type").then()
                .statusCode(200).body("type", equalTo("number"));
        TestUsers.as("east_rep").get("/api/forms/sc_type/records/" + money).then().body("values.budget", equalTo(1300));
        TestUsers.as("east_rep").get("/api/forms/sc_type/records/" + words).then().body("values.budget", equalTo(null));
        assertEquals(List.of("12", "¥1,300", "很多"), backup("sc_type", "budget"));
        // and back to text: numbers convert losslessly
        mgr().body("{\"type\":\"text\",\"confirm\":true}").post("/api/forms/sc_type/fields/budget/type").then().statusCode(200);
        TestUsers.as("east_rep").get("/api/forms/sc_type/records/" + money).then().body("values.budget", equalTo("1300"));
    }

    @Test
    void aDeletedFormTakesItsRecordsToTheTrashAndBringsThemBack() {
        FormFixtures.people(users);
        form("sc_form", "[{\"key\":\"name\",\"label\":\"名称\",\"type\":\"text\"}]");
        int id = create("sc_form", "{\"name\":\"留着\"}");
        mgr().delete("/api/forms/sc_form").then().statusCode(403);
        int formId = TestUsers.as("root_admin").get("/api/forms/sc_form").then().extract().path("id");
        TestUsers.as("root_admin").delete("/api/forms/sc_form").then().statusCode(204);
        TestUsers.as("east_rep").get("/api/forms/sc_form/records/" + id).then().statusCode(404);
        TestUsers.as("root_admin").get("/api/forms/trash").then().body("key", hasItem("sc_form"));
        TestUsers.as("root_admin").post("/api/forms/trash/" + formId + "/restore").then().statusCode(200);
        TestUsers.as("east_rep").get("/api/forms/sc_form/records/" + id).then().body("values.name", equalTo("留着"));
    }

    /** The values of the first backup column of a field, in record order. */
    List<String> backup(String formKey, String fieldKey) throws Exception {
        try (Connection c = db.getConnection(); var st = c.createStatement()) {
            ResultSet ids = st.executeQuery("SELECT f.id, x.id FROM form f JOIN form_field x ON x.form_id = f.id"
                    + " WHERE f.key = '" + formKey + "' AND x.key = '" + fieldKey + "'");
            ids.next();
            long form = ids.getLong(1);
            long field = ids.getLong(2);
            ResultSet col = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = 'rec_" + form
                    + "' AND column_name LIKE 'f_" + field + "_was_%' ORDER BY column_name");
            col.next();
            String column = col.getString(1);
            ResultSet values = st.executeQuery("SELECT " + column + " FROM rec_" + form + " WHERE " + column + " IS NOT NULL ORDER BY id");
            List<String> out = new ArrayList<>();
            while (values.next()) {
                out.add(values.getString(1));
            }
            return out;
        }
    }
}
