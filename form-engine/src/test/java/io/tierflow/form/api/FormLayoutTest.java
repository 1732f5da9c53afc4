package io.tierflow.form.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PUT /api/forms/{form}/layout: tabs, sections and columns checked against the live fields, read back with the form. */
@QuarkusTest
class FormLayoutTest {

    static final String FIELDS = """
            [{"key":"name","label":"客户名称","type":"text","required":true},
             {"key":"phone","label":"电话","type":"phone"},
             {"key":"city","label":"城市","type":"text"},
             {"key":"revenue","label":"年营收","type":"money"},
             {"key":"score","label":"评分","type":"formula","config":{"formula":"IFNULL(revenue, 0) * 0.1"}}]""";

    @Inject
    UserDirectory users;

    static RequestSpecification mgr() {
        return TestUsers.as("east_mgr").contentType(ContentType.JSON);
    }

    static void form(String key) {
        if (mgr().get("/api/forms/" + key).statusCode() == 404) {
            mgr().body("{\"key\":\"" + key + "\",\"name\":\"布局\",\"fields\":" + FIELDS + "}").post("/api/forms").then().statusCode(201);
        }
    }

    @BeforeEach
    void people() {
        FormFixtures.people(users);
    }

    @Test
    void aLayoutIsStoredAndUnplacedFieldsGoToASectionAtTheEnd() {
        form("lay_ok");
        // a form never arranged shows one untitled two-column section with every field
        mgr().get("/api/forms/lay_ok").then().statusCode(200).body("layout", nullValue());
        mgr().get("/api/forms/lay_ok/layout").then().statusCode(200)
                .body("tabs", hasSize(1)).body("tabs[0].sections[0].columns", equalTo(2))
                .body("tabs[0].sections[0].fields", contains("name", "phone", "city", "revenue", "score"));

        mgr().body("""
                {"tabs":[{"title":" 基本信息 ","sections":[{"title":"联系方式","columns":3,"fields":["phone","name"]}]},
                         {"title":"经营","sections":[{"title":"","fields":["revenue"]},{"title":"空分组","columns":1,"fields":[]}]}]}""")
                .put("/api/forms/lay_ok/layout").then().statusCode(200)
                .body("tabs[0].title", equalTo("基本信息"))
                .body("tabs[0].sections[0].title", equalTo("联系方式"))
                .body("tabs[0].sections[0].columns", equalTo(3))
                .body("tabs[0].sections[0].fields", contains("phone", "name"))
                .body("tabs[1].sections[0].title", nullValue())
                .body("tabs[1].sections[0].columns", equalTo(2))
                .body("tabs[1].sections[1].fields", hasSize(0))
                // city and score were placed nowhere: an untitled section at the end of the last tab
                .body("tabs[1].sections", hasSize(3))
                .body("tabs[1].sections[2].title", nullValue())
                .body("tabs[1].sections[2].fields", contains("city", "score"));
        mgr().get("/api/forms/lay_ok").then().statusCode(200)
                .body("layout.tabs[1].sections[2].fields", contains("city", "score"));

        // a field added later shows at the end; one in the trash is skipped and comes back in its place
        mgr().body("{\"key\":\"email\",\"label\":\"邮箱\",\"type\":\"email\"}").post("/api/forms/lay_ok/fields").then().statusCode(201);
        mgr().delete("/api/forms/lay_ok/fields/phone").then().statusCode(200);
        mgr().get("/api/forms/lay_ok/layout").then().statusCode(200)
                .body("tabs[0].sections[0].fields", contains("name"))
                .body("tabs[1].sections[2].fields", contains("city", "score", "email"));
        mgr().post("/api/forms/lay_ok/fields/phone/restore").then().statusCode(200);
        mgr().get("/api/forms/lay_ok/layout").then().statusCode(200)
                .body("tabs[0].sections[0].fields", contains("phone", "name"));

        // no tabs: back to the standard layout
        mgr().body("{\"tabs\":[]}").put("/api/forms/lay_ok/layout").then().statusCode(200)
                .body("tabs[0].sections[0].fields", contains("name", "phone", "city", "revenue", "score", "email"));
        mgr().get("/api/forms/lay_ok").then().body("layout", nullValue());
    }

    @Test
    void eachMistakeIsNamedByItsPath() {
        form("lay_bad");
        String longTitle = "长".repeat(101);
        mgr().body("""
                {"tabs":[{"title":"一","sections":[{"title":"%s","columns":5,"fields":["name","nope"]}]},
                         {"title":" ","sections":[{"columns":0,"fields":["phone","name"]}]}]}""".formatted(longTitle))
                .put("/api/forms/lay_bad/layout").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", containsInAnyOrder("tabs[0].sections[0].title", "tabs[0].sections[0].columns",
                        "tabs[0].sections[0].fields[1]", "tabs[1].title", "tabs[1].sections[0].columns",
                        "tabs[1].sections[0].fields[1]"))
                .body("errors.find { it.field == 'tabs[0].sections[0].fields[1]' }.message", containsString("nope"))
                .body("errors.find { it.field == 'tabs[1].sections[0].fields[1]' }.message", containsString("name"))
                .body("errors.find { it.field == 'tabs[0].sections[0].columns' }.message", containsString("4"));
        // nothing was stored
        mgr().get("/api/forms/lay_bad").then().body("layout", nullValue());
    }

    @Test
    void onlyBuildersChangeTheLayoutButEveryoneReadsIt() {
        form("lay_roles");
        TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"tabs\":[{\"sections\":[{\"fields\":[\"name\"]}]}]}")
                .put("/api/forms/lay_roles/layout").then().statusCode(403);
        TestUsers.as("east_rep").get("/api/forms/lay_roles/layout").then().statusCode(200)
                .body("tabs[0].sections[0].fields", hasSize(5));
        TestUsers.as("root_admin").contentType(ContentType.JSON).body("{\"tabs\":[{\"sections\":[{\"columns\":1,\"fields\":[\"score\"]}]}]}")
                .put("/api/forms/lay_roles/layout").then().statusCode(200)
                .body("tabs[0].sections[0].fields", contains("score"))
                .body("tabs[0].sections[1].fields", contains("name", "phone", "city", "revenue"));
        mgr().get("/api/forms/nope_nope/layout").then().statusCode(404);
    }

    @Test
    void theDesignerChecksAFormulaAgainstFieldsNotSavedYet() {
        String fields = """
                [{"key":"amount","label":"金额","type":"money"},{"key":"visits","label":"次数","type":"number"},
                 {"key":"double","label":"双倍","type":"formula","config":{"formula":"amount * 2"}}]""";
        mgr().body("{\"formula\":\"double + visits > 10\",\"fields\":" + fields + "}")
                .post("/api/formulas/check").then().statusCode(200)
                .body("type", equalTo("BOOLEAN")).body("fields", contains("double", "visits"));
        mgr().body("{\"formula\":\"amount +\\n  nope\",\"fields\":" + fields + "}")
                .post("/api/formulas/check").then().statusCode(400)
                .body("errors[0].field", equalTo("formula")).body("line", equalTo(2)).body("column", equalTo(3));
        // with a saved form, the draft's fields replace the saved ones
        form("lay_check");
        mgr().body("{\"form\":\"lay_check\",\"formula\":\"CONCAT(city, note)\",\"fields\":[{\"key\":\"city\",\"label\":\"城市\",\"type\":\"text\"},"
                + "{\"key\":\"note\",\"label\":\"备注\",\"type\":\"textarea\"}]}")
                .post("/api/formulas/check").then().statusCode(200).body("type", equalTo("TEXT"));
    }
}
