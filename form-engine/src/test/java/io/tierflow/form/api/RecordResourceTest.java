package io.tierflow.form.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
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

@QuarkusTest
class RecordResourceTest {

    static boolean formCreated;

    @Inject
    UserDirectory users;

    @BeforeEach
    void form() {
        FormFixtures.people(users);
        if (!formCreated) {
            FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "cust_rec");
            formCreated = true;
        }
    }

    static RequestSpecification as(String user) {
        return given().cookie("tierflow_session", TestUsers.login(user)).contentType(ContentType.JSON);
    }

    static int create(String user, String values) {
        return as(user).body("{\"values\":" + values + "}").post("/api/forms/cust_rec/records")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aRecordRoundTripsWithComputedScoreTierAndVersion() {
        int id = create("east_rep", "{\"name\":\"杭州云栖\",\"revenue\":\"150\",\"visits\":5,\"industry\":\"信息技术\"}");
        as("east_rep").get("/api/forms/cust_rec/records/" + id).then().statusCode(200)
                .body("version", equalTo(1))
                .body("values.name", equalTo("杭州云栖"))
                .body("values.revenue", equalTo(150))
                .body("values.industry", equalTo("it"))
                .body("values.score", equalTo(75))
                .body("tier", equalTo("B"));
    }

    @Test
    void everyBadValueGetsItsOwnErrorAndNothingIsStored() {
        int before = as("east_rep").get("/api/forms/cust_rec/records?limit=200").then().extract().path("items.size()");
        as("east_rep").header("Accept-Language", "en")
                .body("{\"values\":{\"revenue\":\"lots\",\"visits\":-1e999999,\"industry\":\"farming\",\"score\":5,\"ghost\":1}}")
                .post("/api/forms/cust_rec/records").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("values.name", "values.revenue", "values.visits", "values.industry",
                        "values.score", "values.ghost"))
                .body("errors.find { it.field == 'values.industry' }.message", containsString("信息技术"));
        as("east_rep").header("Accept-Language", "zh-CN").body("{\"values\":{\"revenue\":-5,\"name\":\"x\"}}")
                .post("/api/forms/cust_rec/records").then().statusCode(400)
                .body("errors[0].field", equalTo("values.revenue"))
                .body("errors[0].message", equalTo("不能小于 0。"));
        as("east_rep").get("/api/forms/cust_rec/records?limit=200").then().body("items.size()", equalTo(before));
    }

    @Test
    void aPatchNeedsTheCurrentVersionAndAStaleOneIsAConflictNamingTheCurrentVersion() {
        int id = create("east_rep", "{\"name\":\"宁波港\",\"revenue\":10}");
        as("east_rep").body("{\"version\":1,\"values\":{\"revenue\":20}}")
                .patch("/api/forms/cust_rec/records/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("values.score", equalTo(8));
        as("east_rep").body("{\"version\":1,\"values\":{\"revenue\":30}}")
                .patch("/api/forms/cust_rec/records/" + id).then().statusCode(409)
                .body("currentVersion", equalTo(2));
        as("east_rep").body("{\"values\":{\"revenue\":30}}")
                .patch("/api/forms/cust_rec/records/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
        as("east_rep").get("/api/forms/cust_rec/records/" + id).then().body("values.revenue", equalTo(20));
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        int id = create("east_rep", "{\"name\":\"温州鞋业\",\"revenue\":10}");
        as("east_rep").body("{\"version\":1,\"values\":{\"revenue\":10.0}}")
                .patch("/api/forms/cust_rec/records/" + id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void rowsOutsideTheCallersScopeAreNotFoundAndNotListed() {
        int id = create("east_rep", "{\"name\":\"东区客户\",\"revenue\":1}");
        as("west_rep").get("/api/forms/cust_rec/records/" + id).then().statusCode(404);
        as("west_rep").body("{\"version\":1,\"values\":{\"revenue\":2}}")
                .patch("/api/forms/cust_rec/records/" + id).then().statusCode(404);
        as("west_rep").get("/api/forms/cust_rec/records?limit=200").then().body("items.id", not(hasItems(id)));
        as("east_mgr").get("/api/forms/cust_rec/records/" + id).then().statusCode(200);
        as("root_admin").get("/api/forms/cust_rec/records/" + id).then().statusCode(200);
    }

    @Test
    void listsArePagedByKeysetAndFilterByTierAndSearch() {
        create("west_rep", "{\"name\":\"西区一号\",\"revenue\":1}");
        create("west_rep", "{\"name\":\"西区二号\",\"revenue\":1}");
        create("west_rep", "{\"name\":\"西区三号\",\"revenue\":500}");
        var page = as("west_rep").get("/api/forms/cust_rec/records?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).extract();
        int next = page.path("next");
        as("west_rep").get("/api/forms/cust_rec/records?limit=2&after=" + next).then()
                .body("items", hasSize(1)).body("next", nullValue());
        as("west_rep").get("/api/forms/cust_rec/records?tier=A").then().body("items.values.name", equalTo(java.util.List.of("西区三号")));
        as("west_rep").get("/api/forms/cust_rec/records?q=二").then().body("items.values.name", equalTo(java.util.List.of("西区二号")));
        as("west_rep").get("/api/forms/cust_rec/records?q=%25").then().body("items", hasSize(0));
    }

    @Test
    void unknownFormsAndRecordsAreNotFound() {
        as("east_rep").get("/api/forms/nope/records").then().statusCode(404).body("code", equalTo("form.not-found"));
        as("east_rep").get("/api/forms/cust_rec/records/999999").then().statusCode(404);
        given().get("/api/forms/cust_rec/records").then().statusCode(401);
    }

    @Test
    void aDeletedRecordGoesToTheTrashWithItsValuesAndComesBackOnRestore() {
        int id = create("east_rep", "{\"name\":\"回收站客户\",\"revenue\":50,\"industry\":\"retail\"}");
        as("west_rep").delete("/api/forms/cust_rec/records/" + id).then().statusCode(404);
        as("east_rep").delete("/api/forms/cust_rec/records/" + id).then().statusCode(204);
        as("east_rep").get("/api/forms/cust_rec/records/" + id).then().statusCode(404);
        as("east_rep").get("/api/forms/cust_rec/records?limit=200").then().body("items.id", not(hasItems(id)));
        as("east_rep").get("/api/forms/cust_rec/records/trash").then().statusCode(200).body("items.id", hasItems(id));
        as("west_rep").get("/api/forms/cust_rec/records/trash").then().body("items.id", not(hasItems(id)));
        as("west_rep").post("/api/forms/cust_rec/records/" + id + "/restore").then().statusCode(404);
        as("east_rep").post("/api/forms/cust_rec/records/" + id + "/restore").then().statusCode(200)
                .body("values.name", equalTo("回收站客户")).body("values.revenue", equalTo(50))
                .body("values.industry", equalTo("retail")).body("version", equalTo(3));
        as("east_rep").post("/api/forms/cust_rec/records/" + id + "/restore").then().statusCode(404);
    }

    @Test
    void historyShowsWhoChangedWhichFieldsAndTheTierMovesToThoseWhoMaySeeTheRecord() {
        int id = create("east_rep", "{\"name\":\"历史客户\",\"revenue\":10}");
        as("east_rep").body("{\"version\":1,\"values\":{\"revenue\":300}}")
                .patch("/api/forms/cust_rec/records/" + id).then().statusCode(200).body("tier", equalTo("A"));
        as("east_mgr").get("/api/forms/cust_rec/records/" + id + "/history").then().statusCode(200)
                .body("changes.action", equalTo(java.util.List.of("record.create", "record.update")))
                .body("changes[1].actor", equalTo("east_rep"))
                .body("changes[1].detail.changes.revenue", equalTo(java.util.List.of(10, 300)))
                .body("changes[1].detail.changes.tier", equalTo(java.util.List.of("C", "A")))
                .body("tiers.to", equalTo(java.util.List.of("C", "A")))
                .body("tiers[1].explanation.steps[0].result", equalTo(true));
        as("west_rep").get("/api/forms/cust_rec/records/" + id + "/history").then().statusCode(404);
    }
}
