package io.tierflow.form.record;

import static io.tierflow.core.TestUsers.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Formulas over related records in a form: a customer's paid orders of the last 90 days
 * ({@code SUM(rf_order.amount, rf_order.status == "paid" && DAYSSINCE(rf_order.paid_on) <= 90)}) and an order's
 * customer region ({@code customer.region}), kept current when either side changes; a tier model reading the orders
 * simulated and published in SQL, then moved by a new order in the write path.
 */
@QuarkusTest
class RelatedRecordFormulasTest {

    @Inject
    UserDirectory users;

    @Inject
    io.tierflow.core.journal.EffectDispatcher dispatcher;

    static int create(String form, String values) {
        return json("east_rep").body("{\"values\":" + values + "}").post("/api/forms/" + form + "/records")
                .then().statusCode(201).extract().path("id");
    }

    static JsonPath record(String form, int id) {
        return json("east_rep").get("/api/forms/" + form + "/records/" + id).then().statusCode(200).extract().jsonPath();
    }

    static void patch(String form, int id, String values) {
        int version = record(form, id).getInt("version");
        json("east_rep").body("{\"version\":" + version + ",\"values\":" + values + "}")
                .patch("/api/forms/" + form + "/records/" + id).then().statusCode(200);
    }

    static void addFormula(String form, String key, String formula) {
        json("east_mgr").body(Map.of("key", key, "label", key, "type", "formula", "config", Map.of("formula", formula)))
                .post("/api/forms/" + form + "/fields").then().statusCode(201);
    }

    @Test
    void customerFormulasAggregateTheirOrdersAndOrdersReadTheirCustomer() throws Exception {
        FormFixtures.people(users);
        json("east_mgr").body("""
                {"key":"rf_customer","name":"客户","fields":[{"key":"name","label":"客户名称","type":"text"},
                  {"key":"region","label":"区域","type":"text"}]}""").post("/api/forms").then().statusCode(201);
        json("east_mgr").body("""
                {"key":"rf_order","name":"订单","fields":[{"key":"title","label":"订单","type":"text"},
                  {"key":"customer","label":"客户","type":"relation","config":{"form":"rf_customer"}},
                  {"key":"amount","label":"金额","type":"money"},
                  {"key":"status","label":"状态","type":"text"},
                  {"key":"paid_on","label":"付款日期","type":"date"},
                  {"key":"label","label":"标签","type":"formula","config":{"formula":"customer.region + \\"-\\" + title"}}]}""")
                .post("/api/forms").then().statusCode(201)
                .body("fields.find { it.key == 'label' }.config.resultType", equalTo("TEXT"));
        // the forms a form is loaded with, for its formulas, are not part of what the API shows of it
        json("east_rep").get("/api/forms/rf_customer").then().statusCode(200).body("$", not(hasKey("related")));
        addFormula("rf_customer", "paid_90",
                "SUM(rf_order.amount, rf_order.status == \"paid\" && DAYSSINCE(rf_order.paid_on) <= 90)");
        addFormula("rf_customer", "orders", "COUNT(rf_order)");
        addFormula("rf_customer", "last_status", "LATEST(rf_order.status)");

        // a trigger whose condition counts the orders: fired by the order that recomputes the customer
        json("east_mgr").body("""
                [{"id":"regular","name":"常客","when":"update","condition":"COUNT(rf_order) >= 3",
                  "actions":[{"type":"add_tags","tags":["常客"]}]}]""")
                .put("/api/forms/rf_customer/triggers").then().statusCode(200);
        int customer = create("rf_customer", "{\"name\":\"杭州云栖\",\"region\":\"华东\"}");
        assertEquals(0, record("rf_customer", customer).getInt("values.orders"));
        LocalDate today = LocalDate.now();
        int recent = create("rf_order", "{\"title\":\"一号单\",\"customer\":" + customer
                + ",\"amount\":800,\"status\":\"paid\",\"paid_on\":\"" + today.minusDays(10) + "\"}");
        create("rf_order", "{\"title\":\"二号单\",\"customer\":" + customer
                + ",\"amount\":5000,\"status\":\"paid\",\"paid_on\":\"" + today.minusDays(200) + "\"}");
        int open = create("rf_order", "{\"title\":\"三号单\",\"customer\":" + customer + ",\"amount\":300,\"status\":\"open\"}");
        JsonPath c = record("rf_customer", customer);
        assertEquals(800, c.getInt("values.paid_90"));
        assertEquals(3, c.getInt("values.orders"));
        assertEquals("open", c.getString("values.last_status"));
        assertEquals("华东-一号单", record("rf_order", recent).getString("values.label"));
        dispatcher.drain();
        assertEquals(List.of("常客"), record("rf_customer", customer).getList("tags"));

        // paying the open order moves the customer's total in the same transaction
        patch("rf_order", open, "{\"status\":\"paid\",\"paid_on\":\"" + today + "\"}");
        assertEquals(1100, record("rf_customer", customer).getInt("values.paid_90"));
        // the customer's region reaches its orders' formulas
        patch("rf_customer", customer, "{\"region\":\"华南\"}");
        assertEquals("华南-一号单", record("rf_order", recent).getString("values.label"));
        // an order in the trash no longer counts
        json("east_rep").delete("/api/forms/rf_order/records/" + recent).then().statusCode(204);
        c = record("rf_customer", customer);
        assertEquals(300, c.getInt("values.paid_90"));
        assertEquals(2, c.getInt("values.orders"));
    }

    @Test
    void aTierModelOverOrdersIsSimulatedAndPublishedInSqlAndMovedByANewOrder() {
        FormFixtures.people(users);
        json("east_mgr").body("""
                {"key":"rt_customer","name":"客户","fields":[{"key":"name","label":"客户名称","type":"text"}]}""")
                .post("/api/forms").then().statusCode(201);
        json("east_mgr").body("""
                {"key":"rt_order","name":"订单","fields":[
                  {"key":"customer","label":"客户","type":"relation","config":{"form":"rt_customer"}},
                  {"key":"amount","label":"金额","type":"money"},{"key":"paid","label":"已付款","type":"checkbox"}]}""")
                .post("/api/forms").then().statusCode(201);
        int big = create("rt_customer", "{\"name\":\"大客户\"}");
        int small = create("rt_customer", "{\"name\":\"小客户\"}");
        int none = create("rt_customer", "{\"name\":\"新客户\"}");
        create("rt_order", "{\"customer\":" + big + ",\"amount\":700,\"paid\":true}");
        create("rt_order", "{\"customer\":" + big + ",\"amount\":600,\"paid\":true}");
        create("rt_order", "{\"customer\":" + small + ",\"amount\":900,\"paid\":false}");
        create("rt_order", "{\"customer\":" + small + ",\"amount\":100,\"paid\":true}");
        String model = """
                {"rules":[{"tier":"A","condition":"SUM(rt_order.amount, rt_order.paid) >= 1000"},
                          {"tier":"B","condition":"COUNT(rt_order) > 0"},{"tier":"C","condition":"true"}]}""";
        int version = json("east_mgr").body("{\"tierModel\":" + model + "}").post("/api/forms/rt_customer/rules")
                .then().statusCode(201).extract().jsonPath().getInt("version");
        JsonPath simulation = json("east_mgr").post("/api/forms/rt_customer/rules/" + version + "/simulate")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(1, 1, 1), List.of(count(simulation, "A"), count(simulation, "B"), count(simulation, "C")));
        json("east_mgr").post("/api/forms/rt_customer/rules/" + version + "/publish").then().statusCode(200)
                .body("job.status", equalTo("done"));
        assertEquals("A", record("rt_customer", big).getString("tier"));
        assertEquals("B", record("rt_customer", small).getString("tier"));
        assertEquals("C", record("rt_customer", none).getString("tier"));
        // a paid order of 1000 makes the new customer tier A through the write path, with its history and reason
        create("rt_order", "{\"customer\":" + none + ",\"amount\":1000,\"paid\":true}");
        assertEquals("A", record("rt_customer", none).getString("tier"));
        json("east_rep").get("/api/forms/rt_customer/records/" + none + "/tier").then().statusCode(200)
                .body("tier", equalTo("A"));
    }

    private static int count(JsonPath simulation, String tier) {
        return simulation.getInt("after.find { it.tier == '" + tier + "' }.count");
    }

    @Test
    void aListReadOutsideAnAggregateIsRejectedWithThePathAndReason() {
        FormFixtures.people(users);
        json("east_mgr").body("{\"key\":\"rx_customer\",\"name\":\"客户\",\"fields\":[{\"key\":\"name\",\"label\":\"名称\",\"type\":\"text\"}]}")
                .post("/api/forms").then().statusCode(201);
        json("east_mgr").body("""
                {"key":"rx_order","name":"订单","fields":[
                  {"key":"customer","label":"客户","type":"relation","config":{"form":"rx_customer"}},
                  {"key":"amount","label":"金额","type":"number"}]}""").post("/api/forms").then().statusCode(201);
        TestUsers.zh("east_mgr").body(Map.of("key", "bad", "label", "bad", "type", "formula",
                        "config", Map.of("formula", "rx_order.amount * 2")))
                .post("/api/forms/rx_customer/fields").then().statusCode(400)
                .contentType(containsString("problem+json"))
                .body("errors[0].field", equalTo("fields[1].config.formula"))
                .body("errors[0].message", containsString("COUNT、SUM"));
        json("east_mgr").body(Map.of("key", "bad", "label", "bad", "type", "formula",
                        "config", Map.of("formula", "customer.nope")))
                .post("/api/forms/rx_order/fields").then().statusCode(400)
                .body("errors[0].message", containsString("has no field 'nope'"));
        // shown-when conditions are re-checked on the page as the user types, without the related records
        json("east_mgr").body(Map.of("key", "note", "label", "备注", "type", "text",
                        "config", Map.of("visibleWhen", "COUNT(rx_order) > 0")))
                .post("/api/forms/rx_customer/fields").then().statusCode(400)
                .body("errors[0].field", equalTo("fields[1].config.visibleWhen"));
    }
}
