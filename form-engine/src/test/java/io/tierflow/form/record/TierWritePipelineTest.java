package io.tierflow.form.record;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.core.journal.EffectDispatcher;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one write leaves behind: tier history, the approval effect, and the write-back of its outcome. */
@QuarkusTest
class TierWritePipelineTest {

    static boolean formCreated;

    @Inject
    UserDirectory users;

    @Inject
    AgroalDataSource db;

    @Inject
    EffectJournal journal;

    @Inject
    EffectDispatcher dispatcher;

    @BeforeEach
    void form() {
        FormFixtures.people(users);
        if (!formCreated) {
            FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "cust_tier");
            formCreated = true;
        }
    }

    int create(String values) {
        return given().cookie("tierflow_session", TestUsers.login("east_rep")).contentType(ContentType.JSON)
                .body("{\"values\":" + values + "}").post("/api/forms/cust_tier/records")
                .then().statusCode(201).extract().path("id");
    }

    List<String> rows(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    @Test
    void enteringTierAWritesHistoryMarksPendingAndEnqueuesOneApproval() throws Exception {
        int id = create("{\"name\":\"上海大客户\",\"revenue\":300}");
        given().cookie("tierflow_session", TestUsers.login("east_rep"))
                .get("/api/forms/cust_tier/records/" + id).then()
                .body("tier", equalTo("A")).body("values.approval_status", equalTo("pending"));
        assertEquals(List.of("|A|create"), rows("SELECT coalesce(from_tier,'') || '|' || to_tier || '|' || cause"
                + " FROM tier_history h JOIN form f ON f.id = h.form_id WHERE f.key = 'cust_tier' AND record_id = ?", id));
        List<String> effects = rows("SELECT payload::text FROM effect WHERE kind = 'process.start'"
                + " AND (payload->>'recordId')::bigint = ? AND payload->>'formKey' = 'cust_tier'", id);
        assertEquals(1, effects.size());
        Map<?, ?> payload = new com.fasterxml.jackson.databind.ObjectMapper().readValue(effects.get(0), Map.class);
        assertEquals("tier_approval", payload.get("process"));
        assertEquals("A", payload.get("tier"));
        assertEquals("approval_status", payload.get("statusField"));
        assertEquals("上海大客户", payload.get("title"));
    }

    @Test
    void aWriteThatKeepsTheTierAddsNoHistoryAndNoEffect() throws Exception {
        int id = create("{\"name\":\"苏州工厂\",\"revenue\":10}");
        given().cookie("tierflow_session", TestUsers.login("east_rep")).contentType(ContentType.JSON)
                .body("{\"version\":1,\"values\":{\"revenue\":11}}")
                .patch("/api/forms/cust_tier/records/" + id).then().statusCode(200).body("tier", equalTo("C"));
        assertEquals(1, rows("SELECT h.id FROM tier_history h JOIN form f ON f.id = h.form_id WHERE f.key = 'cust_tier'"
                + " AND record_id = ?", id).size());
        assertEquals(0, rows("SELECT id FROM effect WHERE (payload->>'recordId')::bigint = ? AND payload->>'formKey' = 'cust_tier'", id).size());
    }

    @Test
    void aRecordUpdateEffectWritesTheApprovalOutcomeOnceThroughThePipeline() throws Exception {
        int id = create("{\"name\":\"北京总部\",\"revenue\":300}");
        long formId = Long.parseLong(rows("SELECT id FROM form WHERE key = 'cust_tier'").get(0));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Map<String, Object> payload = Map.of("formId", formId, "recordId", id,
                    "values", Map.of("approval_status", "approved"), "actorId", users.findByUsername("east_mgr")
                            .await().indefinitely().orElseThrow().id());
            journal.enqueue(c, RecordUpdateConsumer.KIND, "test-approve-" + id, payload);
            journal.enqueue(c, RecordUpdateConsumer.KIND, "test-approve-" + id, payload);
            c.commit();
        }
        dispatcher.drain();
        given().cookie("tierflow_session", TestUsers.login("east_rep"))
                .get("/api/forms/cust_tier/records/" + id).then()
                .body("values.approval_status", equalTo("approved")).body("version", equalTo(2));
        assertEquals(List.of("DONE"), rows("SELECT status FROM effect WHERE dedupe_key = ?", "test-approve-" + id));
        assertEquals(1, rows("SELECT id FROM audit_log WHERE action = 'record.update' AND entity = 'rec_' || ?"
                + " AND entity_id = ?", formId, Integer.toString(id)).size());
    }
}
