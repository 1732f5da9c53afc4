package io.tierflow.form.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FormResourceTest {

    @Inject
    UserDirectory users;

    String manager;

    @BeforeEach
    void users() {
        FormFixtures.people(users);
        manager = TestUsers.login("east_mgr");
    }

    RequestSpecification asManager() {
        return given().cookie("tierflow_session", manager).contentType(ContentType.JSON);
    }

    @Test
    void createdFormBecomesATableWithTypedColumnsAndFormulaResultTypes() {
        FormFixtures.createCustomerForm(manager, "cust_def");
        asManager().get("/api/forms/cust_def").then().statusCode(200)
                .body("key", equalTo("cust_def"))
                .body("fields.key", hasItems("name", "revenue", "industry", "score"))
                .body("fields.find { it.key == 'score' }.config.resultType", equalTo("NUMBER"))
                .body("tierModel.rules[0].tier", equalTo("A"));
        asManager().get("/api/forms").then().statusCode(200).body("key", hasItem("cust_def"));
    }

    @Test
    void salesStaffCannotBuildForms() {
        String rep = TestUsers.login("east_rep");
        given().cookie("tierflow_session", rep).contentType(ContentType.JSON)
                .body(FormFixtures.CUSTOMER.formatted("cust_rep")).post("/api/forms").then().statusCode(403);
    }

    @Test
    void eachBadDefinitionPartGetsItsOwnFieldError() {
        asManager().header("Accept-Language", "en").body("""
                {"key":"Bad Key","name":"","fields":[
                  {"key":"1x","label":"x","type":"text"},
                  {"key":"a","label":"A","type":"nope"},
                  {"key":"a","label":"A2","type":"single_select","config":{"options":[]}}]}""")
                .post("/api/forms").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("key", "name", "fields[0].key", "fields[1].type", "fields[2].key",
                        "fields[2].config.options"));
    }

    @Test
    void aFormulaErrorNamesItsPathLineAndColumnInTheUsersLanguage() {
        String body = """
                {"key":"f_err","name":"x","fields":[{"key":"a","label":"A","type":"number"},
                 {"key":"s","label":"S","type":"formula","config":{"formula":"a * (2 +"}}]}""";
        asManager().header("Accept-Language", "zh-CN").body(body).post("/api/forms").then().statusCode(400)
                .body("errors[0].field", equalTo("fields[1].config.formula"))
                .body("errors[0].message", containsString("第 1 行"))
                .body("line", equalTo(1)).body("column", notNullValue());
        asManager().header("Accept-Language", "en").body(body).post("/api/forms").then().statusCode(400)
                .body("errors[0].message", containsString("Line 1"));
        asManager().get("/api/forms/f_err").then().statusCode(404);
    }

    @Test
    void formulasThatDependOnEachOtherInACycleAreRefusedByName() {
        asManager().header("Accept-Language", "en").body("""
                {"key":"f_cycle","name":"x","fields":[
                 {"key":"a","label":"A","type":"formula","config":{"formula":"b + 1"}},
                 {"key":"b","label":"B","type":"formula","config":{"formula":"a + 1"}},
                 {"key":"c","label":"C","type":"formula","config":{"formula":"1"}}]}""")
                .post("/api/forms").then().statusCode(400)
                .body("errors[0].code", equalTo("form.formula.cycle"))
                .body("errors[0].message", containsString("a → b"));
    }

    @Test
    void aFormulaMayReadAnotherFormulaDefinedAfterIt() {
        asManager().body("""
                {"key":"f_chain","name":"x","fields":[
                 {"key":"total","label":"T","type":"formula","config":{"formula":"base * 2"}},
                 {"key":"amount","label":"A","type":"number"},
                 {"key":"base","label":"B","type":"formula","config":{"formula":"amount + 1"}}]}""")
                .post("/api/forms").then().statusCode(201);
        String id = asManager().body("{\"values\":{\"amount\":4}}").post("/api/forms/f_chain/records")
                .then().statusCode(201).body("values.total", equalTo(10)).extract().path("id").toString();
        asManager().get("/api/forms/f_chain/records/" + id).then().body("values.base", equalTo(5));
    }

    @Test
    void aTakenKeyIsAConflict() {
        FormFixtures.createCustomerForm(manager, "cust_twice");
        asManager().body(FormFixtures.CUSTOMER.formatted("cust_twice")).post("/api/forms").then().statusCode(409)
                .body("errors[0].field", equalTo("key"));
    }

    @Test
    void addingAFieldAddsItsColumn() {
        FormFixtures.createCustomerForm(manager, "cust_add");
        asManager().body("{\"key\":\"city\",\"label\":\"城市\",\"type\":\"text\"}")
                .post("/api/forms/cust_add/fields").then().statusCode(201).body("key", equalTo("city"));
        asManager().body("{\"values\":{\"name\":\"甲\",\"city\":\"杭州\"}}").post("/api/forms/cust_add/records")
                .then().statusCode(201).body("values.city", equalTo("杭州"));
    }

    @Test
    void replacingTheTierModelReTiersEveryRecordAndRefusesBadConditions() {
        asManager().body("""
                {"key":"retier","name":"x","fields":[{"key":"amount","label":"A","type":"number"},
                 {"key":"status","label":"S","type":"single_select","config":{"options":[{"key":"pending","label":"待审批"},
                   {"key":"approved","label":"已通过"},{"key":"rejected","label":"已驳回"}]}}]}""")
                .post("/api/forms").then().statusCode(201);
        int big = asManager().body("{\"values\":{\"amount\":500}}").post("/api/forms/retier/records").then().statusCode(201)
                .body("tier", org.hamcrest.Matchers.nullValue()).extract().path("id");
        asManager().header("Accept-Language", "en").body("{\"tierModel\":{\"rules\":[{\"tier\":\"A\",\"condition\":\"amount >\"}]}}")
                .put("/api/forms/retier/tiering").then().statusCode(400)
                .body("errors[0].field", equalTo("tierModel.rules[0].condition"));
        asManager().body("""
                {"tierModel":{"rules":[{"tier":"A","condition":"amount >= 100"},{"tier":"B","condition":"true"}]},
                 "approval":{"tiers":["A"],"statusField":"status"}}""")
                .put("/api/forms/retier/tiering").then().statusCode(200).body("tierModel.rules.size()", equalTo(2));
        asManager().get("/api/forms/retier/records/" + big).then().body("tier", equalTo("A"))
                .body("values.status", equalTo("pending"));
        asManager().get("/api/forms/retier/records/" + big + "/history").then().body("tiers[0].cause", equalTo("tier-model"));
    }

    /** The first twenty rows of the shared hostile corpus, as a computed field and as a tier condition. */
    @Test
    void hostileFormulasAreRejectedAsComputedFieldsAndTierConditions() throws IOException {
        List<String> rows = hostileRows();
        for (int i = 0; i < rows.size(); i++) {
            String formula = rows.get(i);
            String quoted = com.fasterxml.jackson.databind.node.TextNode.valueOf(formula).toString();
            asManager().body("""
                    {"key":"hostile_f%d","name":"x","fields":[{"key":"a","label":"A","type":"number"},
                     {"key":"s","label":"S","type":"formula","config":{"formula":%s}}]}""".formatted(i, quoted))
                    .post("/api/forms").then().statusCode(400)
                    .body("errors[0].field", equalTo("fields[1].config.formula"));
            asManager().body("""
                    {"key":"hostile_t%d","name":"x","fields":[{"key":"a","label":"A","type":"number"}],
                     "tierModel":{"rules":[{"tier":"A","condition":%s}]}}""".formatted(i, quoted))
                    .post("/api/forms").then().statusCode(400)
                    .body("errors[0].field", equalTo("tierModel.rules[0].condition"));
        }
        asManager().get("/api/forms/hostile_f0").then().statusCode(404);
    }

    static List<String> hostileRows() throws IOException {
        return hostileRows(20);
    }

    /** The first {@code limit} rows of the shared corpus, instantiated (the mark file, a closed port). */
    static List<String> hostileRows(int limit) throws IOException {
        Path cwd = Paths.get("").toAbsolutePath();
        Path corpus = List.of(cwd.resolve("../../shared/security/hostile-formulas.tsv"),
                cwd.resolve("../shared/security/hostile-formulas.tsv")).stream().map(Path::normalize)
                .filter(Files::exists).findFirst().orElseThrow(() -> new IllegalStateException("hostile corpus not found"));
        return Files.readAllLines(corpus).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", 3)[2].replace("<MARK>", "/tmp/tierflow-hostile-mark").replace("<PORT>", "9"))
                .limit(limit).toList();
    }
}
