package io.tierflow.form.api;

import static io.tierflow.core.TestUsers.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * 客户 / 订单 / 跟进记录: relations, lookups and rollups, and a parent recomputed (formulas, tier) in the same
 * transaction as the child that changed it.
 */
@QuarkusTest
class RelationsTest {

    @Inject
    UserDirectory users;

    static int create(String user, String form, String values) {
        return json(user).body("{\"values\":" + values + "}").post("/api/forms/" + form + "/records")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void ordersAndFollowUpsRollUpIntoTheirCustomerAndMoveItsTier() {
        FormFixtures.people(users);
        json("east_mgr").body("""
                {"key":"rel_customer","name":"客户","fields":[{"key":"name","label":"客户名称","type":"text"},
                  {"key":"region","label":"区域","type":"text"}]}""").post("/api/forms").then().statusCode(201);
        json("east_mgr").body("""
                {"key":"rel_order","name":"订单","fields":[{"key":"title","label":"订单","type":"text"},
                  {"key":"customer","label":"客户","type":"relation","config":{"form":"rel_customer"}},
                  {"key":"amount","label":"金额","type":"money"},
                  {"key":"paid","label":"已付款","type":"checkbox"},
                  {"key":"ordered_on","label":"下单日期","type":"date"},
                  {"key":"region","label":"客户区域","type":"lookup","config":{"relation":"customer","field":"region"}},
                  {"key":"label","label":"标签","type":"formula","config":{"formula":"CONCAT(region, \\"-\\", title)"}}]}""")
                .post("/api/forms").then().statusCode(201)
                .body("fields.find { it.key == 'region' }.config.resultType", equalTo("TEXT"));
        json("east_mgr").body("""
                {"key":"rel_follow","name":"跟进记录","fields":[{"key":"note","label":"内容","type":"text"},
                  {"key":"customers","label":"客户","type":"relation","config":{"form":"rel_customer","multiple":true}},
                  {"key":"on","label":"跟进日期","type":"date"}]}""").post("/api/forms").then().statusCode(201);
        String[][] rollups = {
                {"order_total", "{\"form\":\"rel_order\",\"relation\":\"customer\",\"function\":\"sum\",\"field\":\"amount\","
                        + "\"filter\":{\"field\":\"paid\",\"op\":\"eq\",\"value\":true}}"},
                {"order_count", "{\"form\":\"rel_order\",\"relation\":\"customer\",\"function\":\"count\"}"},
                {"last_order", "{\"form\":\"rel_order\",\"relation\":\"customer\",\"function\":\"max\",\"field\":\"ordered_on\"}"},
                {"last_follow_up", "{\"form\":\"rel_follow\",\"relation\":\"customers\",\"function\":\"max\",\"field\":\"on\"}"}};
        for (String[] r : rollups) {
            json("east_mgr").body("{\"key\":\"" + r[0] + "\",\"label\":\"" + r[0] + "\",\"type\":\"rollup\",\"config\":" + r[1] + "}")
                    .post("/api/forms/rel_customer/fields").then().statusCode(201);
        }
        json("east_mgr").body("{\"key\":\"vip\",\"label\":\"VIP\",\"type\":\"formula\",\"config\":{\"formula\":\"order_total >= 1000\"}}")
                .post("/api/forms/rel_customer/fields").then().statusCode(201);

        int customer = create("east_rep", "rel_customer", "{\"name\":\"杭州云栖\",\"region\":\"华东\"}");
        json("east_rep").get("/api/forms/rel_customer/records/" + customer).then()
                .body("values.order_count", equalTo(0)).body("values.order_total", equalTo(0)).body("values.vip", equalTo(false));
        int first = create("east_rep", "rel_order", "{\"title\":\"一号单\",\"customer\":" + customer
                + ",\"amount\":600,\"paid\":true,\"ordered_on\":\"2026-03-01\"}");
        json("east_rep").get("/api/forms/rel_order/records/" + first).then()
                .body("values.region", equalTo("华东")).body("values.label", equalTo("华东-一号单"));
        create("east_rep", "rel_order", "{\"title\":\"二号单\",\"customer\":" + customer
                + ",\"amount\":500,\"paid\":false,\"ordered_on\":\"2026-04-01\"}");
        json("east_rep").get("/api/forms/rel_customer/records/" + customer).then()
                .body("values.order_count", equalTo(2)).body("values.order_total", equalTo(600))
                .body("values.last_order", equalTo("2026-04-01")).body("values.vip", equalTo(false));
        // paying the second order makes the customer a VIP, in the same transaction as the order's update
        json("east_rep").body("{\"version\":1,\"values\":{\"paid\":\"是\"}}")
                .patch("/api/forms/rel_order/records/" + (first + 1)).then().statusCode(200);
        json("east_rep").get("/api/forms/rel_customer/records/" + customer).then()
                .body("values.order_total", equalTo(1100)).body("values.vip", equalTo(true));
        create("east_rep", "rel_follow", "{\"note\":\"电话回访\",\"customers\":[" + customer + "],\"on\":\"2026-05-20\"}");
        json("east_rep").get("/api/forms/rel_customer/records/" + customer).then().body("values.last_follow_up", equalTo("2026-05-20"));
        // a lookup follows its source
        json("east_rep").body("{\"version\":" + json("east_rep").get("/api/forms/rel_customer/records/" + customer).then()
                        .extract().path("version") + ",\"values\":{\"region\":\"华南\"}}")
                .patch("/api/forms/rel_customer/records/" + customer).then().statusCode(200);
        json("east_rep").get("/api/forms/rel_order/records/" + first).then().body("values.label", equalTo("华南-一号单"));
        // deleting an order takes it out of the rollups; restoring brings it back
        json("east_rep").delete("/api/forms/rel_order/records/" + first).then().statusCode(204);
        json("east_rep").get("/api/forms/rel_customer/records/" + customer).then()
                .body("values.order_count", equalTo(1)).body("values.order_total", equalTo(500)).body("values.vip", equalTo(false));
        json("east_rep").post("/api/forms/rel_order/records/" + first + "/restore").then().statusCode(200);
        json("east_rep").get("/api/forms/rel_customer/records/" + customer).then().body("values.order_count", equalTo(2));
        // the reverse side
        json("east_rep").get("/api/forms/rel_customer/records/" + customer + "/related").then().statusCode(200)
                .body("form", contains("rel_order", "rel_follow"))
                .body("find { it.form == 'rel_order' }.records.size()", equalTo(2));
    }

    @Test
    void linksMustPointAtRecordsTheWriterMaySee() {
        FormFixtures.people(users);
        json("east_mgr").body("{\"key\":\"rel2_customer\",\"name\":\"客户\",\"fields\":[{\"key\":\"name\",\"label\":\"名称\",\"type\":\"text\"}]}")
                .post("/api/forms").then().statusCode(201);
        json("east_mgr").body("""
                {"key":"rel2_order","name":"订单","fields":[{"key":"customer","label":"客户","type":"relation","config":{"form":"rel2_customer"}}]}""")
                .post("/api/forms").then().statusCode(201);
        int theirs = create("west_rep", "rel2_customer", "{\"name\":\"西区客户\"}");
        int mine = create("east_rep", "rel2_customer", "{\"name\":\"东区客户\"}");
        json("east_rep").body("{\"values\":{\"customer\":" + theirs + "}}").post("/api/forms/rel2_order/records").then()
                .statusCode(400).body("errors[0].field", equalTo("values.customer"))
                .body("errors[0].code", equalTo("form.relation.not-found"));
        json("east_rep").body("{\"values\":{\"customer\":[" + mine + "," + theirs + "]}}").post("/api/forms/rel2_order/records")
                .then().statusCode(400).body("errors[0].code", equalTo("form.relation.one-only"));
        create("east_rep", "rel2_order", "{\"customer\":\"" + mine + "\"}");
        json("west_rep").get("/api/forms/rel2_customer/records/" + mine + "/related").then().statusCode(404);
        json("east_mgr").body("""
                {"key":"rel2_bad","name":"x","fields":[{"key":"c","label":"C","type":"relation","config":{"form":"nope"}},
                  {"key":"l","label":"L","type":"lookup","config":{"relation":"c","field":"x"}}]}""")
                .post("/api/forms").then().statusCode(400).body("errors.field", hasItem("fields[0].config.form"));
        json("east_mgr").body("{\"key\":\"bad_rollup\",\"label\":\"x\",\"type\":\"rollup\",\"config\":{\"form\":\"rel2_order\","
                        + "\"relation\":\"customer\",\"function\":\"sum\",\"field\":\"customer\"}}")
                .post("/api/forms/rel2_customer/fields").then().statusCode(400)
                .body("errors[0].field", equalTo("fields[1].config.field"));
        json("east_rep").get("/api/forms/rel2_customer/records/" + mine).then().body("values.bad_rollup", nullValue());
    }
}
