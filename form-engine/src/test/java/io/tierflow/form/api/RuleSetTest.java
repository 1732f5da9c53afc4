package io.tierflow.form.api;

import static io.tierflow.core.TestUsers.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule versions over the customer fixture (score = revenue × 0.4 + visits × 3; v1: A ≥ 80, B ≥ 40, else C;
 * approval on entering A): drafts, what-if, publish with its re-tiering, rollback, and who may do it.
 */
@QuarkusTest
class RuleSetTest {

    /** v2 of the tests: A from 55, B from 30, C from 10, below that no tier. */
    static final String DRAFT = """
            {"tierModel":{"rules":[{"tier":"A","condition":"score >= 55"},{"tier":"B","condition":"score >= 30"},
              {"tier":"C","condition":"score >= 10"}]},
             "approval":{"tiers":["A"],"statusField":"approval_status"},"note":"lower thresholds"}""";

    @Inject
    UserDirectory users;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void people() {
        FormFixtures.people(users);
    }

    /**
     * Seven customers; under v1 → v2 they move: r1 A→A, r2 B→A (enters the approval), r3 B→B, r4 C→C,
     * r5 C→none, r6 A→A, r7 C→B.
     */
    Map<String, Integer> customers(String form) {
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), form);
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[] revenue = {300, 150, 110, 50, 10, 210, 80};
        for (int i = 0; i < revenue.length; i++) {
            ids.put("r" + (i + 1), json("east_rep").body("{\"values\":{\"name\":\"客户" + (i + 1) + "\",\"revenue\":" + revenue[i] + "}}")
                    .post("/api/forms/" + form + "/records").then().statusCode(201).extract().path("id"));
        }
        return ids;
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

    String tier(String form, int id) {
        return json("east_mgr").get("/api/forms/" + form + "/records/" + id).then().statusCode(200).extract().path("tier");
    }

    /** Everything a simulation must leave alone: rows with versions and tiers, history, effects, audit. */
    String footprint(String form) throws Exception {
        return String.join(";", rows("SELECT (SELECT string_agg(r.id || ':' || r.version || ':' || coalesce(r.tier, '-'), ',' ORDER BY r.id)"
                + " FROM rec_" + formId(form) + " r) || '|' || (SELECT count(*) FROM tier_history) || '|' || (SELECT count(*) FROM effect)"
                + " || '|' || (SELECT count(*) FROM audit_log) || '|' || (SELECT count(*) FROM retier_job)"));
    }

    long formId(String form) throws Exception {
        return Long.parseLong(rows("SELECT id FROM form WHERE key = ?", form).get(0));
    }

    @Test
    void aDraftIsCheckedByCompilingItAgainstTheForm() {
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "rs_check");
        json("east_mgr").body("{\"tierModel\":{\"rules\":[{\"tier\":\"A\",\"condition\":\"score >\"}]}}")
                .post("/api/forms/rs_check/rules").then().statusCode(400)
                .body("errors[0].field", equalTo("tierModel.rules[0].condition"));
        json("east_mgr").body("""
                {"tierModel":{"rules":[{"tier":"A","condition":"score >= 80"},{"tier":"B","condition":"ghost > 1"}]}}""")
                .post("/api/forms/rs_check/rules").then().statusCode(400)
                .body("errors[0].field", equalTo("tierModel.rules[1].condition"));
        json("east_mgr").body("{\"tierModel\":{\"rules\":[{\"tier\":\"A\",\"condition\":\"score + 1\"}]}}")
                .post("/api/forms/rs_check/rules").then().statusCode(400)
                .body("errors[0].field", equalTo("tierModel.rules[0].condition"));
        json("east_mgr").body("""
                {"tierModel":{"rules":[{"tier":"A","condition":"true"}]},"approval":{"tiers":["A"],"statusField":"name"}}""")
                .post("/api/forms/rs_check/rules").then().statusCode(400)
                .body("errors[0].field", equalTo("approval.statusField"));
        json("east_mgr").body("{\"tierModel\":{\"rules\":[]},\"note\":\"" + "x".repeat(2001) + "\"}")
                .post("/api/forms/rs_check/rules").then().statusCode(400).body("errors[0].field", equalTo("note"));

        // the form's own model is version 1, published; a good draft is version 2 and can be edited
        json("east_mgr").get("/api/forms/rs_check/rules").then().statusCode(200)
                .body("version", contains(1)).body("status", contains("published"));
        json("east_mgr").body(DRAFT).post("/api/forms/rs_check/rules").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/forms/rs_check/rules/2"))
                .body("version", equalTo(2)).body("status", equalTo("draft")).body("note", equalTo("lower thresholds"));
        json("east_mgr").body("{\"tierModel\":{\"rules\":[{\"tier\":\"A\",\"condition\":\"score >= 90\"}]}}")
                .put("/api/forms/rs_check/rules/2").then().statusCode(200)
                .body("tierModel.rules[0].condition", equalTo("score >= 90")).body("note", nullValue());
        json("east_mgr").body("{\"tierModel\":{\"rules\":[{\"tier\":\"A\",\"condition\":\"score >=\"}]}}")
                .put("/api/forms/rs_check/rules/2").then().statusCode(400)
                .body("errors[0].field", equalTo("tierModel.rules[0].condition"));
        json("east_mgr").body(DRAFT).put("/api/forms/rs_check/rules/1").then().statusCode(409);
        json("east_mgr").get("/api/forms/rs_check/rules/9").then().statusCode(404);
        json("east_mgr").get("/api/forms/rs_check/rules").then().body("version", contains(2, 1));
    }

    @Test
    void aSimulationReturnsTheMigrationMatrixCountsSamplesAndApprovalsAndWritesNothing() throws Exception {
        Map<String, Integer> r = customers("rs_sim");
        json("east_mgr").body(DRAFT).post("/api/forms/rs_sim/rules").then().statusCode(201);
        String before = footprint("rs_sim");
        JsonPath sim = json("east_mgr").queryParam("samples", 1).post("/api/forms/rs_sim/rules/2/simulate")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(before, footprint("rs_sim"));

        assertEquals(7, sim.getInt("total"));
        assertEquals(3, sim.getInt("changed"));
        assertEquals(1, sim.getInt("approvals"));
        assertEquals(java.util.Arrays.asList("A", "B", "C", null), sim.getList("tiers"));
        List<String> cells = new ArrayList<>();
        for (Map<String, Object> c : sim.<Map<String, Object>>getList("matrix")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> samples = (List<Map<String, Object>>) c.get("samples");
            cells.add(c.get("from") + ">" + c.get("to") + "=" + c.get("count") + " " + samples.get(0).get("id") + ":"
                    + samples.get(0).get("title"));
        }
        assertEquals(List.of(
                "A>A=2 " + r.get("r1") + ":客户1",
                "B>A=1 " + r.get("r2") + ":客户2",
                "B>B=1 " + r.get("r3") + ":客户3",
                "C>B=1 " + r.get("r7") + ":客户7",
                "C>C=1 " + r.get("r4") + ":客户4",
                "C>null=1 " + r.get("r5") + ":客户5"), cells);
        assertEquals(List.of(2, 2, 3, 0), sim.getList("before.count"));
        assertEquals(List.of(3, 2, 1, 1), sim.getList("after.count"));

        // samples default to five per cell; the published version itself changes nothing
        json("east_mgr").post("/api/forms/rs_sim/rules/2/simulate").then().statusCode(200)
                .body("matrix.find { it.from == 'A' && it.to == 'A' }.samples.id", contains(r.get("r1"), r.get("r6")));
        json("east_mgr").post("/api/forms/rs_sim/rules/1/simulate").then().statusCode(200)
                .body("changed", equalTo(0)).body("approvals", equalTo(0)).body("total", equalTo(7));
        assertEquals(before, footprint("rs_sim"));
    }

    @Test
    void publishingReTiersWithHistoryAndStartsEachApprovalOnce() throws Exception {
        Map<String, Integer> r = customers("rs_pub");
        long form = formId("rs_pub");
        String approvalsOf = "SELECT count(*) FROM effect WHERE kind = 'process.start' AND payload->>'formKey' = 'rs_pub'"
                + " AND (payload->>'recordId')::bigint = ?";
        assertEquals(List.of("0"), rows(approvalsOf, r.get("r2")));
        json("east_mgr").body(DRAFT).post("/api/forms/rs_pub/rules").then().statusCode(201);
        json("east_rep").post("/api/forms/rs_pub/rules/2/publish").then().statusCode(403);

        JsonPath published = json("east_mgr").post("/api/forms/rs_pub/rules/2/publish").then().statusCode(200)
                .header("Location", org.hamcrest.Matchers.containsString("/api/forms/rs_pub/rules/jobs/"))
                .body("ruleSet.status", equalTo("published")).body("job.status", equalTo("done"))
                .body("job.changed", equalTo(3)).body("job.approvals", equalTo(1)).body("job.processed", equalTo(7))
                .body("job.progress", equalTo(1.0f)).extract().jsonPath();
        json("east_mgr").get("/api/forms/rs_pub/rules/jobs/" + published.getLong("job.id")).then().statusCode(200)
                .body("status", equalTo("done")).body("ruleVersion", equalTo(2)).body("cause", equalTo("rule-publish"));

        assertEquals("A", tier("rs_pub", r.get("r2")));
        assertEquals("B", tier("rs_pub", r.get("r7")));
        assertEquals(null, tier("rs_pub", r.get("r5")));
        assertEquals("A", tier("rs_pub", r.get("r1")));
        json("east_mgr").get("/api/forms/rs_pub/records/" + r.get("r2")).then().body("values.approval_status", equalTo("pending"))
                .body("version", equalTo(2));
        assertEquals(List.of("B>A rule-publish v2"), rows("SELECT from_tier || '>' || to_tier || ' ' || cause || ' v' || rule_version"
                + " FROM tier_history WHERE form_id = ? AND record_id = ? AND cause = 'rule-publish'", form, r.get("r2")));
        assertEquals(List.of("3"), rows("SELECT count(*) FROM tier_history WHERE form_id = ? AND cause = 'rule-publish'", form));
        assertEquals(List.of("1"), rows(approvalsOf, r.get("r2")));
        assertEquals(List.of("tier:" + form + ":" + rows("SELECT id FROM tier_history WHERE form_id = ? AND record_id = ?"
                + " AND cause = 'rule-publish'", form, r.get("r2")).get(0)),
                rows("SELECT dedupe_key FROM effect WHERE kind = 'process.start' AND payload->>'formKey' = 'rs_pub'"
                        + " AND (payload->>'recordId')::bigint = ?", r.get("r2")));
        json("east_mgr").get("/api/forms/rs_pub/records/" + r.get("r2") + "/history").then()
                .body("tiers[-1].cause", equalTo("rule-publish")).body("tiers[-1].ruleVersion", equalTo(2))
                .body("tiers[-1].explanation.ruleVersion", equalTo(2))
                .body("tiers[-1].explanation.steps[0].result", equalTo(true));
        assertEquals(List.of("1"), rows("SELECT count(*) FROM audit_log WHERE entity = ? AND entity_id = ? AND action = 'record.update'"
                + " AND detail->>'cause' = 'rule-publish'", "rec_" + form, String.valueOf(r.get("r2"))));

        // the form's live model is the published version; new writes use it and name it
        json("east_mgr").get("/api/forms/rs_pub").then().body("ruleVersion", equalTo(2))
                .body("tierModel.rules[0].condition", equalTo("score >= 55"));
        int fresh = json("east_rep").body("{\"values\":{\"name\":\"新客户\",\"revenue\":140}}").post("/api/forms/rs_pub/records")
                .then().statusCode(201).body("tier", equalTo("A")).extract().path("id");
        assertEquals(List.of("2"), rows("SELECT rule_version FROM tier_history WHERE form_id = ? AND record_id = ?", form, fresh));
        json("east_mgr").get("/api/forms/rs_pub/rules").then().body("version", contains(2, 1))
                .body("status", contains("published", "archived"));
        json("east_mgr").post("/api/forms/rs_pub/rules/2/publish").then().statusCode(409);
    }

    @Test
    void rollingBackRepublishesAnEarlierVersionAndReTiersBack() throws Exception {
        Map<String, Integer> r = customers("rs_back");
        long form = formId("rs_back");
        json("east_mgr").body(DRAFT).post("/api/forms/rs_back/rules").then().statusCode(201);
        json("east_mgr").post("/api/forms/rs_back/rules/2/rollback").then().statusCode(409);
        json("east_mgr").post("/api/forms/rs_back/rules/2/publish").then().statusCode(200);
        json("east_mgr").post("/api/forms/rs_back/rules/2/rollback").then().statusCode(409);

        json("east_mgr").post("/api/forms/rs_back/rules/1/rollback").then().statusCode(200)
                .body("ruleSet.version", equalTo(1)).body("ruleSet.status", equalTo("published"))
                .body("job.cause", equalTo("rule-rollback")).body("job.changed", equalTo(3)).body("job.approvals", equalTo(0));
        assertEquals("B", tier("rs_back", r.get("r2")));
        assertEquals("C", tier("rs_back", r.get("r5")));
        assertEquals("C", tier("rs_back", r.get("r7")));
        json("east_mgr").get("/api/forms/rs_back").then().body("ruleVersion", equalTo(1))
                .body("tierModel.rules[0].condition", equalTo("score >= 80"));
        json("east_mgr").get("/api/forms/rs_back/rules").then().body("status", contains("archived", "published"));
        assertEquals(List.of("A>B rule-rollback v1"), rows("SELECT from_tier || '>' || to_tier || ' ' || cause || ' v' || rule_version"
                + " FROM tier_history WHERE form_id = ? AND record_id = ? AND cause = 'rule-rollback'", form, r.get("r2")));
        json("east_mgr").get("/api/forms/rs_back/rules/jobs").then().body("cause", contains("rule-rollback", "rule-publish"));

        // back to v2 again: r2 enters A a second time, which is a new change with its own approval
        json("east_mgr").post("/api/forms/rs_back/rules/2/rollback").then().statusCode(200).body("job.approvals", equalTo(1));
        assertEquals(List.of("2"), rows("SELECT count(*) FROM effect WHERE kind = 'process.start' AND payload->>'formKey' = 'rs_back'"
                + " AND (payload->>'recordId')::bigint = ?", r.get("r2")));
    }

    @Test
    void onlyBuildersWhoMayViewTheFormWorkWithItsRules() {
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "rs_perm");
        json("east_mgr").body(DRAFT).post("/api/forms/rs_perm/rules").then().statusCode(201);
        json("east_rep").get("/api/forms/rs_perm/rules").then().statusCode(403);
        json("east_rep").body(DRAFT).post("/api/forms/rs_perm/rules").then().statusCode(403);
        json("east_rep").get("/api/forms/rs_perm/rules/2").then().statusCode(403);
        json("east_rep").post("/api/forms/rs_perm/rules/2/simulate").then().statusCode(403);
        json("east_rep").post("/api/forms/rs_perm/rules/1/rollback").then().statusCode(403);
        json("root_admin").get("/api/forms/rs_perm/rules").then().statusCode(200).body("version", hasItems(1, 2));

        json("root_admin").body("{\"MANAGER\":{\"actions\":[],\"scope\":\"team\"}}")
                .put("/api/forms/rs_perm/permissions").then().statusCode(200);
        json("east_mgr").get("/api/forms/rs_perm/rules").then().statusCode(404);
        json("east_mgr").post("/api/forms/rs_perm/rules/2/simulate").then().statusCode(404);
        json("east_mgr").post("/api/forms/rs_perm/rules/2/publish").then().statusCode(404);
        json("east_mgr").get("/api/forms/rs_perm/rules/jobs/1").then().statusCode(404);
        json("root_admin").post("/api/forms/rs_perm/rules/2/simulate").then().statusCode(200);
    }
}
