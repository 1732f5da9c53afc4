package io.tierflow.form.api;

import static io.tierflow.core.TestUsers.json;
import static io.tierflow.core.TestUsers.zh;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The common option {@code visibleWhen}: a hidden field is not required, keeps its value, and the API says which
 * fields are hidden; a condition that is not a valid yes/no formula over other fields is refused on save.
 */
@QuarkusTest
class ConditionalVisibilityTest {

    static final String FORM = "vis_deal";

    @Inject
    UserDirectory users;

    @BeforeEach
    void form() {
        FormFixtures.people(users);
        if (json("east_mgr").get("/api/forms/" + FORM).statusCode() == 404) {
            json("east_mgr").body("""
                    {"key":"vis_deal","name":"商机","fields":[
                      {"key":"name","label":"名称","type":"text","required":true},
                      {"key":"amount","label":"金额","type":"number"},
                      {"key":"reason","label":"大单理由","type":"text","required":true,"config":{"visibleWhen":"amount > 100"}},
                      {"key":"score","label":"分数","type":"formula","config":{"formula":"IFNULL(amount, 0) * 2"}},
                      {"key":"vip_note","label":"VIP 备注","type":"text","config":{"visibleWhen":"score > 1000"}}]}""")
                    .post("/api/forms").then().statusCode(201);
        }
    }

    @Test
    void aHiddenFieldIsNotRequiredAndAShownOneIs() {
        json("east_rep").body("{\"values\":{\"name\":\"小单\",\"amount\":50}}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(201);
        // no amount at all: the condition is not true, so the field is hidden too
        json("east_rep").body("{\"values\":{\"name\":\"未报价\"}}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(201);
        json("east_rep").body("{\"values\":{\"name\":\"大单\",\"amount\":500}}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(400)
                .body("errors[0].field", equalTo("values.reason")).body("errors[0].code", equalTo("form.value.required"));
        json("east_rep").body("{\"values\":{\"name\":\"大单\",\"amount\":500,\"reason\":null}}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(400)
                .body("errors[0].field", equalTo("values.reason"));
        json("east_rep").body("{\"create\":[{\"name\":\"批量小单\",\"amount\":1},{\"name\":\"批量大单\",\"amount\":900}]}")
                .post("/api/forms/" + FORM + "/records/bulk").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("create[1].values.reason"));
    }

    @Test
    void hidingAFieldKeepsItsValueAndTheApiSaysWhatIsHidden() {
        long id = json("east_rep").body("{\"values\":{\"name\":\"大单\",\"amount\":500,\"reason\":\"战略客户\"}}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        json("east_rep").get("/api/forms/" + FORM + "/records/" + id + "/visibility").then().statusCode(200)
                .body("visible", hasItem("reason")).body("hidden", hasItem("vip_note")).body("hidden", not(hasItem("reason")));

        // the amount drops: the reason is hidden now, and still stored
        json("east_rep").body("{\"version\":1,\"values\":{\"amount\":20}}")
                .patch("/api/forms/" + FORM + "/records/" + id).then().statusCode(200)
                .body("values.reason", equalTo("战略客户"));
        json("east_rep").get("/api/forms/" + FORM + "/records/" + id).then().statusCode(200)
                .body("values.reason", equalTo("战略客户"));
        json("east_rep").get("/api/forms/" + FORM + "/records/" + id + "/visibility").then().statusCode(200)
                .body("hidden", hasItem("reason")).body("visible", hasItem("amount"));
        // while hidden it may even be cleared without a required error; shown again, it is required again
        json("east_rep").body("{\"version\":2,\"values\":{\"reason\":null}}")
                .patch("/api/forms/" + FORM + "/records/" + id).then().statusCode(200);
        json("east_rep").body("{\"version\":3,\"values\":{\"amount\":800}}")
                .patch("/api/forms/" + FORM + "/records/" + id).then().statusCode(200);
        json("east_rep").body("{\"version\":4,\"values\":{\"reason\":null}}")
                .patch("/api/forms/" + FORM + "/records/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("values.reason"));

        // values being typed, alone or over the stored record; a condition may read a formula field
        json("east_rep").body("{\"values\":{\"amount\":\"600\"}}").post("/api/forms/" + FORM + "/visibility").then()
                .statusCode(200).body("visible", hasItem("reason")).body("visible", hasItem("vip_note"));
        json("east_rep").body("{\"values\":{\"amount\":\"12\"}}").post("/api/forms/" + FORM + "/visibility").then()
                .statusCode(200).body("hidden", hasItem("reason")).body("hidden", hasItem("vip_note"));
        json("east_rep").body("{\"record\":" + id + ",\"values\":{\"name\":\"改名\"}}").post("/api/forms/" + FORM + "/visibility")
                .then().statusCode(200).body("visible", hasItem("reason")).body("visible", hasItem("vip_note"));
        // someone who may not see the record gets "not found", not its visibility
        json("west_rep").get("/api/forms/" + FORM + "/records/" + id + "/visibility").then().statusCode(404);
    }

    @Test
    void badConditionsAreRefusedOnTheirPathInEnglishAndChinese() {
        String syntax = """
                {"key":"vis_bad","name":"x","fields":[{"key":"a","label":"A","type":"number"},
                 {"key":"b","label":"B","type":"text","config":{"visibleWhen":"a >"}}]}""";
        json("east_mgr").body(syntax).post("/api/forms").then().statusCode(400)
                .body("errors[0].field", equalTo("fields[1].config.visibleWhen"))
                .body("errors[0].message", containsString("Line 1"));
        zh("east_mgr").body(syntax).post("/api/forms").then().statusCode(400)
                .body("errors[0].field", equalTo("fields[1].config.visibleWhen"))
                .body("errors[0].message", containsString("第 1 行"));

        String number = """
                {"key":"vis_bad","name":"x","fields":[{"key":"a","label":"A","type":"number"},
                 {"key":"b","label":"B","type":"text","config":{"visibleWhen":"a + 1"}}]}""";
        json("east_mgr").body(number).post("/api/forms").then().statusCode(400)
                .body("errors[0].field", equalTo("fields[1].config.visibleWhen"))
                .body("errors[0].code", equalTo("form.visibility.not-boolean"))
                .body("errors[0].message", containsString("true or false"));
        zh("east_mgr").body(number).post("/api/forms").then().statusCode(400)
                .body("errors[0].message", containsString("真或假"));

        String self = """
                {"key":"vis_bad","name":"x","fields":[{"key":"a","label":"A","type":"number","config":{"visibleWhen":"a > 1"}}]}""";
        json("east_mgr").body(self).post("/api/forms").then().statusCode(400)
                .body("errors[0].field", equalTo("fields[0].config.visibleWhen"))
                .body("errors[0].code", equalTo("form.visibility.self"));
        json("east_mgr").get("/api/forms/vis_bad").then().statusCode(404);

        // changing one field of a saved form: the same check, the form unchanged
        json("east_mgr").body("{\"config\":{\"visibleWhen\":\"name\"}}").patch("/api/forms/" + FORM + "/fields/vip_note")
                .then().statusCode(400).body("errors[0].field", equalTo("fields[4].config.visibleWhen"))
                .body("errors[0].code", equalTo("form.visibility.not-boolean"));
        json("east_mgr").get("/api/forms/" + FORM).then().statusCode(200)
                .body("fields[4].config.visibleWhen", equalTo("score > 1000"));
    }
}
