package io.tierflow.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

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
class ReportResourceTest {

    static boolean seeded;

    @Inject
    UserDirectory users;

    static RequestSpecification as(String user) {
        return given().cookie("tierflow_session", TestUsers.login(user)).contentType(ContentType.JSON);
    }

    static void create(String user, String name, int revenue, String industry) {
        as(user).body("{\"values\":{\"name\":\"" + name + "\",\"revenue\":" + revenue + ",\"industry\":\"" + industry + "\"}}")
                .post("/api/forms/cust_report/records").then().statusCode(201);
    }

    @BeforeEach
    void seed() {
        FormFixtures.people(users);
        if (!seeded) {
            FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "cust_report");
            create("east_rep", "东一", 300, "it");      // A
            create("east_rep", "东二", 150, "it");      // B
            create("east_rep", "东三", 10, "retail");   // C
            create("west_rep", "西一", 500, "retail");  // A
            create("west_rep", "西二", 600, "it");      // A
            seeded = true;
        }
    }

    @Test
    void tierCountsIncludeOnlyTheRowsTheCallerMaySee() {
        String byTier = "{\"form\":\"cust_report\",\"groupBy\":\"tier\",\"measure\":\"count\"}";
        as("root_admin").body(byTier).post("/api/reports/query").then().statusCode(200)
                .body("rows.find { it.value == 'A' }.measure", equalTo(3))
                .body("rows.find { it.value == 'B' }.measure", equalTo(1))
                .body("total", equalTo(5));
        as("east_rep").body(byTier).post("/api/reports/query").then().statusCode(200)
                .body("rows.find { it.value == 'A' }.measure", equalTo(1))
                .body("total", equalTo(3));
        as("east_mgr").body(byTier).post("/api/reports/query").then().body("total", equalTo(3));
        as("west_rep").body(byTier).post("/api/reports/query").then()
                .body("rows.value", equalTo(java.util.List.of("A"))).body("total", equalTo(2));
    }

    @Test
    void selectGroupsCarryTheirOptionLabelsAndSumsAreExact() {
        as("root_admin").body("{\"form\":\"cust_report\",\"groupBy\":\"industry\",\"measure\":\"sum\",\"field\":\"revenue\"}")
                .post("/api/reports/query").then().statusCode(200)
                .body("rows.label", hasItems("信息技术", "零售"))
                .body("rows.find { it.value == 'it' }.measure", equalTo(1050))
                .body("total", equalTo(1560));
    }

    @Test
    void aBadQueryNamesEachWrongPart() {
        as("root_admin").header("Accept-Language", "en")
                .body("{\"form\":\"cust_report\",\"groupBy\":\"nope\",\"measure\":\"median\",\"limit\":0}")
                .post("/api/reports/query").then().statusCode(400)
                .body("errors.field", hasItems("groupBy", "measure", "limit"));
        as("root_admin").body("{\"form\":\"cust_report\",\"groupBy\":\"tier\",\"measure\":\"sum\",\"field\":\"name\"}")
                .post("/api/reports/query").then().statusCode(400).body("errors[0].field", equalTo("field"));
        as("root_admin").body("{\"groupBy\":\"tier\"}").post("/api/reports/query").then().statusCode(400)
                .body("errors[0].field", equalTo("form"));
        as("root_admin").body("{\"form\":\"nope\",\"groupBy\":\"tier\"}").post("/api/reports/query").then().statusCode(404);
    }
}
