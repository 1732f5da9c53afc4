package io.tierflow.form.api;

import static io.tierflow.core.TestUsers.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/formulas/preview}: a formula's value on a real record, within what the caller may see. */
@QuarkusTest
class FormulaPreviewResourceTest {

    static final String FORM = "cust_preview";
    static boolean created;

    @Inject
    UserDirectory users;

    @BeforeEach
    void form() {
        FormFixtures.people(users);
        if (!created) {
            FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), FORM);
            created = true;
        }
    }

    static int record(String user, String values) {
        return json(user).body("{\"values\":" + values + "}").post("/api/forms/" + FORM + "/records").then().statusCode(201)
                .extract().path("id");
    }

    static String preview(String formula, Integer record) {
        return "{\"form\":\"" + FORM + "\",\"formula\":\"" + formula + "\"" + (record == null ? "" : ",\"record\":" + record) + "}";
    }

    @Test
    void theValueIsComputedOnTheGivenRecordFromTheValuesItReads() {
        int id = record("east_rep", "{\"name\":\"预览客户\",\"revenue\":200,\"visits\":4}");
        // score is itself a formula: 200 * 0.4 + 4 * 3 = 92
        json("east_rep").body(preview("score * 2 + revenue", id)).post("/api/formulas/preview").then().statusCode(200)
                .body("type", equalTo("NUMBER")).body("text", equalTo("384")).body("value", equalTo(384))
                .body("record.id", equalTo(id)).body("record.title", equalTo("预览客户"))
                .body("inputs.score", equalTo(92)).body("inputs.revenue", equalTo(200)).body("error", nullValue());
        json("east_mgr").body(preview("IF(revenue > 100, \\\"大\\\", \\\"小\\\")", id)).post("/api/formulas/preview").then()
                .statusCode(200).body("type", equalTo("TEXT")).body("value", equalTo("大"));
    }

    @Test
    void withoutARecordTheLatestChangedRecordTheCallerMaySeeIsUsed() {
        record("east_rep", "{\"name\":\"较早\",\"revenue\":1}");
        int latest = record("east_rep", "{\"name\":\"最新\",\"revenue\":50}");
        json("east_rep").body(preview("revenue + 1", null)).post("/api/formulas/preview").then().statusCode(200)
                .body("record.id", equalTo(latest)).body("record.title", equalTo("最新")).body("text", equalTo("51"));
        // west_rep sees only their own records, and has none here: the formula is fine, there is nothing to show
        json("west_rep").body(preview("revenue + 1", null)).post("/api/formulas/preview").then().statusCode(200)
                .body("record", nullValue()).body("type", equalTo("NUMBER")).body("value", nullValue());
    }

    @Test
    void aRecordTheCallerMayNotSeeIsNotFound() {
        int id = record("east_rep", "{\"name\":\"别人的\",\"revenue\":10}");
        json("west_rep").body(preview("revenue", id)).post("/api/formulas/preview").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("form.record.not-found"));
        json("east_mgr").body(preview("revenue", id)).post("/api/formulas/preview").then().statusCode(200).body("text", equalTo("10"));
        json("east_rep").delete("/api/forms/" + FORM + "/records/" + id).then().statusCode(204);
        json("east_rep").body(preview("revenue", id)).post("/api/formulas/preview").then().statusCode(404);
        json("east_rep").body("{\"form\":\"no_such_form\",\"formula\":\"1\"}").post("/api/formulas/preview").then().statusCode(404);
    }

    @Test
    void aBadFormulaIsAProblemWithLineAndColumnInTheCallersLanguage() {
        int id = record("east_rep", "{\"name\":\"坏公式\",\"revenue\":10}");
        given().cookie("tierflow_session", TestUsers.login("east_rep")).contentType(ContentType.JSON)
                .header("Accept-Language", "zh-CN").body(preview("revenue * (2 +", id)).post("/api/formulas/preview").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("formula")).body("errors[0].message", containsString("第 1 行"))
                .body("line", equalTo(1));
        json("east_rep").body(preview("revenue.getClass()", id)).post("/api/formulas/preview").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("formula"))
                .body("column", equalTo(8)).body("errors[0].message", containsString("Line 1, column 8"));
        json("east_rep").body(preview("no_such_field + 1", id)).post("/api/formulas/preview").then().statusCode(400)
                .body("errors[0].field", equalTo("formula"));
        json("east_rep").body("{\"formula\":\"1\"}").post("/api/formulas/preview").then().statusCode(400)
                .body("errors[0].field", equalTo("form"));
    }

    static final String SCORES = """
            {"scores":[{"key":"value_score","label":"综合评分","kind":"weighted","dimensions":[
              {"key":"value","label":"价值","weight":1,"formula":"IFNULL(revenue, 0)","bands":{"thresholds":[100],"scores":[10,100]}}]}]}""";

    @Test
    void aDraftsScoresCanBeReadBeforeTheyAreSavedAndAreComputedForThePreview() {
        int id = record("east_rep", "{\"name\":\"有评分\",\"revenue\":200}");
        json("east_mgr").body("{\"form\":\"" + FORM + "\",\"formula\":\"value_score >= 70 && value > 50\",\"tierModel\":" + SCORES + "}")
                .post("/api/formulas/check").then().statusCode(200)
                .body("type", equalTo("BOOLEAN")).body("fields", org.hamcrest.Matchers.contains("value_score", "value"));
        json("east_mgr").body("{\"form\":\"" + FORM + "\",\"formula\":\"value_score >= 70\",\"record\":" + id + ",\"tierModel\":" + SCORES + "}")
                .post("/api/formulas/preview").then().statusCode(200).body("value", equalTo(true)).body("record.title", equalTo("有评分"));
        json("east_mgr").body("{\"form\":\"" + FORM + "\",\"formula\":\"value\",\"record\":" + id + ",\"tierModel\":" + SCORES + "}")
                .post("/api/formulas/preview").then().statusCode(200).body("text", equalTo("100"));
        // without the draft the names are unknown, as before
        json("east_mgr").body("{\"form\":\"" + FORM + "\",\"formula\":\"value_score >= 70\"}").post("/api/formulas/check").then()
                .statusCode(400).body("errors[0].field", equalTo("formula"));
    }

    @Test
    void aFieldHiddenFromTheCallersRoleCannotBeReadThroughAPreview() {
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "cust_preview_hidden");
        json("root_admin").body("""
                {"SALES":{"actions":["view","create","edit"],"scope":"own","fields":{"revenue":"hidden"}}}""")
                .put("/api/forms/cust_preview_hidden/permissions").then().statusCode(200);
        int id = json("east_rep").body("{\"values\":{\"name\":\"藏\",\"visits\":2}}").post("/api/forms/cust_preview_hidden/records")
                .then().statusCode(201).extract().path("id");
        json("east_rep").body("{\"form\":\"cust_preview_hidden\",\"formula\":\"revenue * 2\",\"record\":" + id + "}")
                .post("/api/formulas/preview").then().statusCode(400)
                .body("errors[0].field", equalTo("formula")).body("errors[0].message", containsString("\"revenue\""));
        json("east_rep").body("{\"form\":\"cust_preview_hidden\",\"formula\":\"visits * 2\",\"record\":" + id + "}")
                .post("/api/formulas/preview").then().statusCode(200).body("text", equalTo("4"));
    }
}
