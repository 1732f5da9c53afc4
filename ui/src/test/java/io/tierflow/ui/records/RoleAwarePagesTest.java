package io.tierflow.ui.records;

import static io.tierflow.ui.testing.PageClient.api;
import static io.tierflow.ui.testing.PageClient.page;
import static io.tierflow.ui.testing.PageClient.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;

/**
 * A role whose permissions hide one field and freeze another can still create and edit from the pages: the
 * hidden field is not rendered at all, the frozen one is shown without an input, and neither is posted.
 */
@QuarkusTest
class RoleAwarePagesTest {

    static final String FORM = "ui_role_customer";
    static final String BASE = "/forms/" + FORM;
    static final String PERMISSIONS = """
            {"SALES":{"actions":["view","create","edit"],"scope":"own","fields":{"visits":"hidden","industry":"readonly"}}}""";

    @Inject
    UserDirectory users;

    @BeforeEach
    void customerFormWithRestrictedFields() {
        FormFixtures.people(users);
        if (api("root_admin").get("/api/forms/" + FORM).statusCode() == 404) {
            FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), FORM);
            api("root_admin").body(PERMISSIONS).put("/api/forms/" + FORM + "/permissions").then().statusCode(200);
        }
    }

    @Test
    void aRepSeesNeitherTheHiddenFieldNorAnInputForTheReadOnlyOne() {
        page("east_rep").get(BASE + "/new").then().statusCode(200)
                .body(containsString("name=\"values.name\""), containsString("name=\"values.revenue\""),
                        not(containsString("values.visits")), not(containsString("拜访次数")),
                        not(containsString("name=\"values.industry\"")), containsString("行业"),
                        containsString("field-readonly"), containsString(">只读<"));
        // the manager's role is not restricted: every input is there
        page("east_mgr").get(BASE + "/new").then().statusCode(200)
                .body(containsString("name=\"values.visits\""), containsString("name=\"values.industry\""));
    }

    @Test
    void theGridLeavesOutHiddenFieldsAndEditsOnlyWritableOnesInPlace() {
        int id = api("east_rep").body("{\"values\":{\"name\":\"权限网格\",\"revenue\":5}}").post("/api/forms/" + FORM + "/records")
                .then().statusCode(201).extract().path("id");
        page("east_rep").get(BASE).then().statusCode(200)
                .body(containsString("权限网格"), not(containsString("拜访次数")), not(containsString("value=\"visits\"")),
                        containsString("/records/" + id + "/cells/revenue?version=1"),
                        not(containsString("/records/" + id + "/cells/industry")));
        page("east_rep").get(BASE + "/records/" + id + "/cells/industry").then().statusCode(404);
        page("east_rep").get(BASE + "/records/" + id + "/cells/visits").then().statusCode(404);
        // nor can the filter or sort name the hidden field
        page("east_rep").queryParam("applied", "1").queryParam("sort", "visits").get(BASE).then().statusCode(200)
                .body(containsString("alert-error"));
    }

    @Test
    void aRepCreatesAndEditsARecordWithHiddenAndReadOnlyFields() {
        Response saved = post("east_rep").formParam("values.name", "权限客户").formParam("values.revenue", "120")
                .post(BASE + "/records");
        saved.then().statusCode(303).header("Location", matchesPattern(".*" + BASE + "/records/\\d+$"));
        String location = saved.header("Location");
        String path = location.substring(location.indexOf("/forms/"));
        String id = path.substring(path.lastIndexOf('/') + 1);

        // the manager fills the fields the rep may not write; the rep sees the read-only value, not the hidden one
        api("east_mgr").body("{\"version\":1,\"values\":{\"visits\":7,\"industry\":\"it\"}}")
                .patch("/api/forms/" + FORM + "/records/" + id).then().statusCode(200);
        page("east_rep").get(path).then().statusCode(200)
                .body(containsString("<h1>权限客户</h1>"), containsString("信息技术"), not(containsString("values.industry")),
                        not(containsString("拜访次数")), containsString("name=\"version\" value=\"2\""));

        // a save from the page (even one that tries to post the frozen and hidden fields) keeps them as they are
        post("east_rep").formParam("version", "2").formParam("values.name", "权限客户").formParam("values.revenue", "130")
                .formParam("values.industry", "retail").formParam("values.visits", "1")
                .post(path).then().statusCode(303);
        api("east_mgr").get("/api/forms/" + FORM + "/records/" + id).then().statusCode(200)
                .body("values.revenue", equalTo(130), "values.industry", equalTo("it"), "values.visits", equalTo(7),
                        "version", equalTo(3));
        api("east_rep").get("/api/forms/" + FORM + "/records/" + id).then().body("values.visits", nullValue());

        // a refused save shows the error under the input the rep has, and the read-only field stays read-only
        post("east_rep").formParam("version", "3").formParam("values.name", "权限客户").formParam("values.revenue", "很多")
                .post(path).then().statusCode(400)
                .body(containsString("id=\"v-revenue-error\""), not(containsString("name=\"values.industry\"")),
                        not(containsString("拜访次数")));
    }
}
