package io.tierflow.form.api;

import static io.tierflow.core.TestUsers.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.core.journal.EffectDispatcher;
import io.tierflow.form.FormFixtures;
import io.tierflow.form.record.TierOverrideExpiry;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * Weighted and RFM scores, lifecycle stages and tags through the API: what records get on save and on a bulk
 * re-tier, quintile boundaries computed over the form, the explanation in the tier history, bad models answered
 * by path, and a trigger that overrides the tier until the override expires.
 */
@QuarkusTest
class TierModelKindsTest {

    @Inject
    UserDirectory users;

    @Inject
    EffectDispatcher dispatcher;

    @Inject
    TierOverrideExpiry expiry;

    @Inject
    Mutiny.SessionFactory sessions;

    static final String MODEL = FormFixtures.SCORED_MODEL;

    private static long create(String form, String name, int revenue, int visits) {
        return json("east_mgr").body(Map.of("values", Map.of("name", name, "revenue", revenue, "visits", visits)))
                .post("/api/forms/" + form + "/records").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static JsonPath record(String form, long id) {
        return json("east_mgr").get("/api/forms/" + form + "/records/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void scoresStagesAndTagsAreGivenOnSaveAndExplainedInTheHistory() {
        FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "kinds_save");
        json("east_mgr").body("{\"tierModel\":" + MODEL + "}").put("/api/forms/kinds_save/tiering").then().statusCode(200);
        long big = create("kinds_save", "大客户", 5000, 8);   // value 100×0.4 + activity 80×0.6 = 88 → A
        long small = create("kinds_save", "小客户", 50, 0);   // 10×0.4 + 0 = 4 → C
        JsonPath b = record("kinds_save", big);
        assertEquals("A", b.getString("tier"));
        assertEquals("活跃", b.getString("stage"));
        JsonPath s = record("kinds_save", small);
        assertEquals("C", s.getString("tier"));
        assertEquals("沉睡", s.getString("stage"));
        assertEquals(List.of("needs_visit"), s.getList("tags"));
        JsonPath history = json("east_mgr").get("/api/forms/kinds_save/records/" + big + "/history").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> score = history.getMap("tiers[-1].explanation.scores[0]");
        assertEquals("value_score", score.get("key"));
        assertEquals(88, ((Number) score.get("total")).intValue());
        assertEquals(40, history.getInt("tiers[-1].explanation.scores[0].dimensions[0].contribution"));
        assertEquals(List.of(100, 1000), history.getList("tiers[-1].explanation.scores[0].dimensions[0].thresholdsCrossed"));
        // why this tier, now: the same model evaluated for the current values
        json("east_mgr").get("/api/forms/kinds_save/records/" + big + "/tier").then().statusCode(200)
                .body("tier", equalTo("A")).body("stage", equalTo("活跃"))
                .body("steps[0].result", equalTo(true)).body("steps[0].values.value_score", equalTo(88))
                .body("scores[0].dimensions[1].key", equalTo("activity"))
                .body("scores[0].dimensions[1].contribution", equalTo(48))
                .body("scores[1].kind", equalTo("rfm"));
        TestUsers.as("west_rep").get("/api/forms/kinds_save/records/" + big + "/tier").then().statusCode(404);
        // revenue hidden from sales: the dimensions reading it (value; RFM's m) show their points, not their value
        json("root_admin").body("""
                {"SALES":{"actions":["view","create","edit"],"scope":"team","fields":{"revenue":"hidden"}}}""")
                .put("/api/forms/kinds_save/permissions").then().statusCode(200);
        JsonPath why = json("east_rep").get("/api/forms/kinds_save/records/" + big + "/tier").then().statusCode(200)
                .extract().jsonPath();
        assertNull(why.get("scores[0].dimensions[0].value"));
        assertEquals(100, why.getInt("scores[0].dimensions[0].score"));
        assertEquals(80, why.getInt("scores[0].dimensions[1].value"));
        assertNull(why.get("scores[1].dimensions[2].value"));
        assertEquals(8, why.getInt("scores[1].dimensions[1].value"));
    }

    @Test
    void quintilesAreComputedOverTheFormAtSimulateAndThePublishedReTierMatchesTheWritePipeline() {
        FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "kinds_rfm");
        long[] ids = new long[10];
        for (int i = 0; i < 10; i++) {
            ids[i] = create("kinds_rfm", "客户" + i, (i + 1) * 100, i);
        }
        int version = json("east_mgr").body("{\"tierModel\":" + MODEL + ",\"note\":\"rfm\"}").post("/api/forms/kinds_rfm/rules")
                .then().statusCode(201).extract().jsonPath().getInt("version");
        json("east_mgr").post("/api/forms/kinds_rfm/rules/" + version + "/simulate").then().statusCode(200);
        JsonPath draft = json("east_mgr").get("/api/forms/kinds_rfm/rules/" + version).then().statusCode(200).extract().jsonPath();
        // revenue 100…1000: percentile_disc at 20/40/60/80 % over 10 records
        assertEquals(List.of(200, 400, 600, 800), draft.getList("tierModel.scores[1].dimensions[2].boundaries"));
        assertEquals(10, draft.getInt("tierModel.scores[1].dimensions[2].boundariesOver"));
        json("east_mgr").post("/api/forms/kinds_rfm/rules/" + version + "/publish").then().statusCode(200)
                .body("job.status", equalTo("done"));
        JsonPath top = record("kinds_rfm", ids[9]);
        assertEquals(List.of("big_spender"), top.getList("tags"), "revenue 1000 ≥ the 80th percentile: m = 5");
        assertEquals("活跃", top.getString("stage"));
        assertEquals(List.of("big_spender"), record("kinds_rfm", ids[6]).getList("tags"), "700 is at or above 3 boundaries: m = 4");
        assertEquals(List.of("needs_visit"), record("kinds_rfm", ids[2]).getList("tags"), "300: m = 2; 2 visits");
    }

    @Test
    void aPercentRankIsComputedOverTheFormAndGivesEachRecordItsPlace() {
        FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "kinds_rank");
        long[] ids = new long[20];
        for (int i = 0; i < 20; i++) {
            ids[i] = create("kinds_rank", "客户" + i, (i + 1) * 10, 1);
        }
        String model = """
                {"scores":[{"key":"rank","label":"营收排名","kind":"weighted","dimensions":[
                   {"key":"revenue_rank","label":"营收排名","weight":1,"formula":"IFNULL(revenue, 0)","percentRank":"high_is_better"}]}],
                 "rules":[{"tier":"Top","condition":"rank >= 90"},{"tier":"Rest","condition":"true"}]}""";
        int version = json("east_mgr").body("{\"tierModel\":" + model + "}").post("/api/forms/kinds_rank/rules")
                .then().statusCode(201).extract().jsonPath().getInt("version");
        json("east_mgr").post("/api/forms/kinds_rank/rules/" + version + "/simulate").then().statusCode(200);
        JsonPath draft = json("east_mgr").get("/api/forms/kinds_rank/rules/" + version).then().statusCode(200).extract().jsonPath();
        assertEquals(99, draft.getList("tierModel.scores[0].dimensions[0].boundaries").size());
        assertEquals(20, draft.getInt("tierModel.scores[0].dimensions[0].boundariesOver"));
        json("east_mgr").post("/api/forms/kinds_rank/rules/" + version + "/publish").then().statusCode(200)
                .body("job.status", equalTo("done"));
        assertEquals("Top", record("kinds_rank", ids[19]).getString("tier"), "200: at or above all 99 percentiles");
        assertEquals("Rest", record("kinds_rank", ids[9]).getString("tier"));
        json("east_mgr").get("/api/forms/kinds_rank/records/" + ids[9] + "/tier").then().statusCode(200)
                .body("scores[0].dimensions[0].score", equalTo(50));
    }

    @Test
    void percentRankInAConditionRanksWithinTheFormOnceSimulatedAndIsRefusedInAComputedField() {
        FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "kinds_prank");
        long[] ids = new long[20];
        for (int i = 0; i < 20; i++) {
            ids[i] = create("kinds_prank", "客户" + i, (i + 1) * 10, i % 4);
        }
        String model = """
                {"rules":[{"tier":"Top","condition":"PERCENTRANK(IFNULL(revenue, 0) + visits) >= 90"},
                          {"tier":"Rest","condition":"true"}],
                 "tags":[{"tag":"top_half","condition":"PERCENTRANK( IFNULL(revenue,0) ) >= 50"}]}""";
        int version = json("east_mgr").body("{\"tierModel\":" + model + "}").post("/api/forms/kinds_prank/rules")
                .then().statusCode(201).extract().jsonPath().getInt("version");
        json("east_mgr").post("/api/forms/kinds_prank/rules/" + version + "/simulate").then().statusCode(200);
        JsonPath draft = json("east_mgr").get("/api/forms/kinds_prank/rules/" + version).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("(IFNULL(revenue, 0) + visits)", "IFNULL(revenue, 0)"), draft.getList("tierModel.ranks.expression"));
        assertEquals(99, draft.getList("tierModel.ranks[0].boundaries").size());
        assertEquals(20, draft.getInt("tierModel.ranks[1].over"));
        json("east_mgr").post("/api/forms/kinds_prank/rules/" + version + "/publish").then().statusCode(200)
                .body("job.status", equalTo("done"));
        // set-based at publish: of twenty, the 18th value (181) is the 86th…90th percentile, so it ranks 90; the 17th, 85
        assertEquals("Top", record("kinds_prank", ids[19]).getString("tier"));
        assertEquals("Top", record("kinds_prank", ids[17]).getString("tier"));
        assertEquals("Rest", record("kinds_prank", ids[16]).getString("tier"));
        assertEquals(List.of("top_half"), record("kinds_prank", ids[10]).getList("tags"));
        assertEquals(List.of(), record("kinds_prank", ids[8]).getList("tags"));
        long added = create("kinds_prank", "新客户", 1000, 0);
        assertEquals("Top", record("kinds_prank", added).getString("tier"));
        // outside a tier model there are no percentiles to rank against
        json("east_mgr").body(Map.of("key", "rank", "label", "排名", "type", "formula",
                        "config", Map.of("formula", "PERCENTRANK(revenue)")))
                .post("/api/forms/kinds_prank/fields").then().statusCode(400)
                .body("errors[0].message", containsString("tier models only"));
    }

    @Test
    void aBadModelIsAnsweredByPathInTheCallersLanguage() {
        FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "kinds_bad");
        String bad = MODEL.replace("\"weight\":40", "\"weight\":0");
        json("east_mgr").body("{\"tierModel\":" + bad + "}").put("/api/forms/kinds_bad/tiering").then().statusCode(400)
                .body("errors.field", hasItem("tierModel.scores[0].dimensions[0].weight"));
        given().cookie("tierflow_session", TestUsers.login("east_mgr")).header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON).body("{\"tierModel\":" + MODEL.replace("\"key\":\"value_score\"", "\"key\":\"revenue\"") + "}")
                .put("/api/forms/kinds_bad/tiering").then().statusCode(400)
                .body("errors.field", hasItem("tierModel.scores[0].key"))
                .body("errors.message", hasItem(containsString("已被字段")));
    }

    @Test
    void aTriggerOverridesTheTierUntilTheOverrideExpires() throws Exception {
        FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "kinds_override");
        json("east_mgr").body("""
                [{"id":"vip_lift","name":"战略客户","when":"update","fields":["industry"],"condition":"industry == \\"it\\"",
                  "actions":[{"type":"override_tier","tier":"B","days":30,"reason":"战略行业"},
                             {"type":"add_tags","tags":["strategic"]}]}]""")
                .put("/api/forms/kinds_override/triggers").then().statusCode(200);
        long id = create("kinds_override", "信息公司", 10, 1);
        assertEquals("C", record("kinds_override", id).getString("tier"));
        long version = record("kinds_override", id).getLong("version");
        json("east_mgr").body(Map.of("version", version, "values", Map.of("industry", "it")))
                .patch("/api/forms/kinds_override/records/" + id).then().statusCode(200);
        dispatcher.drain();
        JsonPath r = record("kinds_override", id);
        assertEquals("B", r.getString("tier"));
        assertEquals("B", r.getString("tierOverride.tier"));
        assertEquals("战略行业", r.getString("tierOverride.reason"));
        assertEquals(List.of("strategic"), r.getList("tags"));
        JsonPath history = json("east_mgr").get("/api/forms/kinds_override/records/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("C", history.getString("tiers[-1].from"));
        assertEquals("B", history.getString("tiers[-1].to"));
        assertEquals("B", history.getString("tiers[-1].explanation.steps[0].override"));
        assertEquals("C", history.getString("tiers[-1].explanation.steps[0].modelTier"));
        json("east_mgr").get("/api/forms/kinds_override/records/" + id + "/rule-log").then().statusCode(200)
                .body("rule", hasItem("vip_lift"));

        // the override runs out: the sweep gives the model's tier back, with its own history row
        long formId = json("east_mgr").get("/api/forms/kinds_override").then().extract().jsonPath().getLong("id");
        sessions.withTransaction(s -> s.createNativeQuery("UPDATE rec_" + formId
                + " SET tier_override_until = now() - interval '1 minute' WHERE id = " + id).executeUpdate())
                .await().indefinitely();
        assertEquals(1, expiry.sweep());
        JsonPath after = record("kinds_override", id);
        assertEquals("C", after.getString("tier"));
        assertEquals(null, (Object) after.get("tierOverride"));
        assertEquals(List.of("strategic"), after.getList("tags"), "tags added by a trigger stay");
        history = json("east_mgr").get("/api/forms/kinds_override/records/" + id + "/history").then().extract().jsonPath();
        assertEquals(TierOverrideExpiry.CAUSE, history.getString("tiers[-1].cause"));
        assertNotNull(history.getString("tiers[-1].to"));
        assertEquals(0, expiry.sweep());
    }
}
