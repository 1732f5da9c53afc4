package io.tierflow.ui.path;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton's path, through the public API only, with the real journal dispatcher (LISTEN/NOTIFY)
 * and Flowable: build a form, add records, see the tier, the approval reaches the manager, approving it writes
 * the outcome back to the record, and the report counts what each caller may see.
 */
@QuarkusTest
class RecordCrossesEveryEngineTest {

    @Inject
    UserDirectory users;

    static RequestSpecification as(String user) {
        return given().cookie("tierflow_session", TestUsers.login(user)).contentType(ContentType.JSON);
    }

    static int create(String user, String values) {
        return as(user).body("{\"values\":" + values + "}").post("/api/forms/path_customer/records")
                .then().statusCode(201).extract().path("id");
    }

    static List<Integer> taskRecordIds(String user) {
        return as(user).get("/api/tasks").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.formKey == 'path_customer' }.recordId", Integer.class);
    }

    @Test
    void aTierARecordIsApprovedByTheManagerAndTheOutcomeComesBack() {
        FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "path_customer");

        int big = create("east_rep", "{\"name\":\"杭州云栖\",\"revenue\":300,\"visits\":4}");
        int small = create("east_rep", "{\"name\":\"温州小店\",\"revenue\":20}");
        int west = create("west_rep", "{\"name\":\"成都大客户\",\"revenue\":400}");
        as("east_rep").get("/api/forms/path_customer/records/" + big).then()
                .body("tier", equalTo("A")).body("values.score", equalTo(132)).body("values.approval_status", equalTo("pending"));
        as("east_rep").get("/api/forms/path_customer/records/" + small).then().body("tier", equalTo("C"));

        // the journal starts the approval; it is assigned to the manager of the owner's team
        await().atMost(Duration.ofSeconds(20)).until(() -> taskRecordIds("east_mgr").contains(big));
        as("east_rep").get("/api/tasks").then().body("findAll { it.formKey == 'path_customer' }.recordId", not(hasItem(big)));
        JsonPath tasks = as("east_mgr").get("/api/tasks").then().extract().jsonPath();
        String taskId = tasks.getString("find { it.recordId == " + big + " && it.formKey == 'path_customer' }.id");
        as("east_mgr").get("/api/tasks").then().body("findAll { it.recordId == " + big + " && it.formKey == 'path_customer' }", hasSize(1));
        as("west_rep").body("{\"comment\":\"不是我的\"}").post("/api/tasks/" + taskId + "/approve").then().statusCode(404);

        as("east_mgr").body("{\"comment\":\"战略客户，同意\"}").post("/api/tasks/" + taskId + "/approve").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "approved".equals(
                as("east_rep").get("/api/forms/path_customer/records/" + big).then().extract().path("values.approval_status")));
        as("east_rep").get("/api/forms/path_customer/records/" + big).then().body("version", equalTo(2)).body("tier", equalTo("A"));
        as("east_mgr").get("/api/tasks").then().body("findAll { it.formKey == 'path_customer' }.recordId", not(hasItem(big)));
        as("east_rep").get("/api/forms/path_customer/records/" + big + "/processes").then().statusCode(200)
                .body("[0].outcome", equalTo("approved"))
                .body("[0].tasks[0].assigneeName", equalTo("east_mgr"))
                .body("[0].tasks[0].comments[0].message", equalTo("战略客户，同意"));
        as("west_rep").get("/api/forms/path_customer/records/" + big + "/processes").then().statusCode(404);

        String byTier = "{\"form\":\"path_customer\",\"groupBy\":\"tier\",\"measure\":\"count\"}";
        as("east_rep").body(byTier).post("/api/reports/query").then().statusCode(200)
                .body("rows.find { it.value == 'A' }.measure", equalTo(1))
                .body("rows.find { it.value == 'C' }.measure", equalTo(1))
                .body("total", equalTo(2));
        as("root_admin").body(byTier).post("/api/reports/query").then()
                .body("rows.find { it.value == 'A' }.measure", equalTo(2)).body("total", equalTo(3));
        as("root_admin").get("/api/forms/path_customer/records/" + west).then().body("tier", equalTo("A"));
    }
}
