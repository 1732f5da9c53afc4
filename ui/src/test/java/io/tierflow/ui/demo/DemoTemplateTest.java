package io.tierflow.ui.demo;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A first start seeds the customer-tiering template; its tiers come from real orders and follow-ups. */
@QuarkusTest
@TestProfile(DemoTemplateTest.WithDemo.class)
class DemoTemplateTest {

    public static class WithDemo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tierflow.demo.enabled", "true");
        }
    }

    static RequestSpecification as(String user) {
        String cookie = given().contentType(ContentType.JSON)
                .body("{\"username\":\"" + user + "\",\"password\":\"tierflow\"}")
                .post("/api/auth/login").then().statusCode(200).extract().cookie("tierflow_session");
        return given().cookie("tierflow_session", cookie).contentType(ContentType.JSON);
    }

    @Test
    void theDemoLoginsWorkAndCustomersAreTieredFromTheirOrdersAndFollowUps() {
        as("admin").get("/api/forms").then().statusCode(200).body("key", hasItems("customer", "order", "follow_up"));
        as("sales").get("/api/forms/customer/records?limit=200").then().body("items.size()", equalTo(8));
        as("manager").get("/api/forms/customer/records?limit=200").then().body("items.size()", equalTo(10));
        var yunqi = as("sales").queryParam("q", "云栖").get("/api/forms/customer/records").then().extract().jsonPath();
        // two paid orders (180,000 + 220,000), one unpaid; a visit five days ago
        org.junit.jupiter.api.Assertions.assertEquals(400000, yunqi.getInt("items[0].values.order_total"));
        org.junit.jupiter.api.Assertions.assertEquals(3, yunqi.getInt("items[0].values.order_count"));
        // formulas over the related records: paid in the last 90 days (both paid orders), follow-ups in the last 30
        org.junit.jupiter.api.Assertions.assertEquals(400000, yunqi.getInt("items[0].values.paid_90"));
        org.junit.jupiter.api.Assertions.assertEquals(1, yunqi.getInt("items[0].values.follow_ups_30"));
        org.junit.jupiter.api.Assertions.assertEquals("A", yunqi.getString("items[0].tier"));
        org.junit.jupiter.api.Assertions.assertEquals("成熟客户", yunqi.getString("items[0].stage"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("高价值", "高活跃"), yunqi.getList("items[0].tags"));
        // the weighted model of the four dimensions and RFM explain the tier
        as("sales").get("/api/forms/customer/records/" + yunqi.getLong("items[0].id") + "/tier").then().statusCode(200)
                .body("scores[0].key", equalTo("total_score")).body("scores[0].total", equalTo(100))
                .body("scores[0].dimensions.label", hasItems("客户价值", "客户需求", "客户行为", "增长潜力"))
                .body("scores[1].kind", equalTo("rfm")).body("scores[1].dimensions[2].boundariesOver", equalTo(10));
        // no follow-up ever: the daily churn check tagged it at start, and told its owner
        await().atMost(Duration.ofSeconds(30)).until(() -> as("sales").queryParam("q", "成都").get("/api/forms/customer/records")
                .then().extract().jsonPath().getList("items[0].tags", String.class).contains("流失预警"));
        as("sales").queryParam("q", "成都").get("/api/forms/customer/records").then()
                .body("items[0].tier", equalTo("C")).body("items[0].stage", equalTo("流失风险客户"));
        as("admin").body("{\"form\":\"customer\",\"groupBy\":\"tier\",\"measure\":\"count\"}").post("/api/reports/query")
                .then().body("total", equalTo(10)).body("rows.value", hasItems("A", "B", "C"));
        // tier-A customers of the sales rep wait in the manager's inbox
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> titles = as("manager").get("/api/tasks").then().extract().jsonPath().getList("title", String.class);
            return titles.contains("杭州云栖科技有限公司");
        });
        assertTrue(as("manager").get("/api/forms/order/records?limit=5").then().extract().jsonPath()
                .getList("items.values.customer_region", String.class).stream().allMatch(r -> r != null));
    }
}
