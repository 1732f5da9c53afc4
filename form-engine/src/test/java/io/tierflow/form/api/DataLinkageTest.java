package io.tierflow.form.api;

import static io.tierflow.core.TestUsers.json;
import static io.tierflow.core.TestUsers.zh;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data linkage (数据联动): an order's phone and credit come from the customer with the same name, only from a
 * customer the writer may see, never over a value the user typed; bad settings are refused with their paths.
 */
@QuarkusTest
class DataLinkageTest {

    static final String ORDERS = "lk_order";

    @Inject
    UserDirectory users;

    @BeforeEach
    void forms() {
        FormFixtures.people(users);
        if (json("east_mgr").get("/api/forms/lk_customer").statusCode() == 404) {
            json("east_mgr").body("""
                    {"key":"lk_customer","name":"客户","fields":[
                      {"key":"name","label":"客户名称","type":"text","required":true},
                      {"key":"phone","label":"电话","type":"phone"},
                      {"key":"credit","label":"信用额度","type":"money"}]}""")
                    .post("/api/forms").then().statusCode(201);
            json("east_mgr").body("""
                    {"key":"lk_order","name":"订单","fields":[
                      {"key":"customer_name","label":"客户名称","type":"text","required":true},
                      {"key":"phone","label":"联系电话","type":"phone","config":{"linkage":
                        {"form":"lk_customer","match":[{"theirs":"name","ours":"customer_name"}],"take":"phone"}}},
                      {"key":"credit","label":"额度","type":"number","config":{"linkage":
                        "{\\"form\\":\\"lk_customer\\",\\"match\\":[{\\"theirs\\":\\"name\\",\\"ours\\":\\"customer_name\\"}],\\"take\\":\\"credit\\"}"}}]}""")
                    .post("/api/forms").then().statusCode(201);
            customer("east_rep", "甲公司", "0571-1234567", 80);
            customer("east_rep", "丙公司", "0571-5555555", 30);
            customer("west_rep", "乙公司", "0571-7654321", 50);
        }
    }

    static void customer(String user, String name, String phone, int credit) {
        json(user).body("{\"values\":{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"credit\":" + credit + "}}")
                .post("/api/forms/lk_customer/records").then().statusCode(201);
    }

    static ValidatableResponse order(String user, String values) {
        return json(user).body("{\"values\":" + values + "}").post("/api/forms/" + ORDERS + "/records").then();
    }

    static ValidatableResponse patch(String user, long id, long version, String values) {
        return json(user).body("{\"version\":" + version + ",\"values\":" + values + "}")
                .patch("/api/forms/" + ORDERS + "/records/" + id).then();
    }

    @Test
    void aMatchingVisibleRecordFillsTheFieldConvertedToItsType() {
        order("east_rep", "{\"customer_name\":\"甲公司\"}").statusCode(201)
                .body("values.phone", equalTo("0571-1234567")).body("values.credit", equalTo(80));
        // nothing matches: nothing filled
        order("east_rep", "{\"customer_name\":\"无此公司\"}").statusCode(201)
                .body("values.phone", nullValue()).body("values.credit", nullValue());
        // many at once: the same linkage, the same visibility rules
        json("east_rep").body("{\"create\":[{\"customer_name\":\"丙公司\"},{\"customer_name\":\"乙公司\"}]}")
                .post("/api/forms/" + ORDERS + "/records/bulk").then().statusCode(200)
                .body("created[0].values.phone", equalTo("0571-5555555")).body("created[1].values.phone", nullValue());
        // the same answer, live, as the page asks for it while the user types
        json("east_rep").body("{\"values\":{\"customer_name\":\"甲公司\"}}").post("/api/forms/" + ORDERS + "/linkage/phone")
                .then().statusCode(200).body("matched", equalTo(true)).body("value", equalTo("0571-1234567"));
        json("east_rep").body("{\"values\":{\"customer_name\":\"甲\"}}").post("/api/forms/" + ORDERS + "/linkage/phone")
                .then().statusCode(200).body("matched", equalTo(false)).body("value", nullValue());
    }

    @Test
    void aRecordTheWriterMayNotSeeFillsNothing() {
        // 乙公司 belongs to west_rep: east's rep and east's manager do not see it, the admin does
        order("east_rep", "{\"customer_name\":\"乙公司\"}").statusCode(201).body("values.phone", nullValue());
        order("east_mgr", "{\"customer_name\":\"乙公司\"}").statusCode(201).body("values.phone", nullValue());
        json("east_rep").body("{\"values\":{\"customer_name\":\"乙公司\"}}").post("/api/forms/" + ORDERS + "/linkage/phone")
                .then().statusCode(200).body("matched", equalTo(false));
        order("root_admin", "{\"customer_name\":\"乙公司\"}").statusCode(201).body("values.phone", equalTo("0571-7654321"));
        order("west_rep", "{\"customer_name\":\"乙公司\"}").statusCode(201).body("values.phone", equalTo("0571-7654321"));
    }

    @Test
    void aTypedValueIsKeptAndALinkedOneFollowsItsMatch() {
        // typed on create: kept, now and when the customer changes
        long typed = order("east_rep", "{\"customer_name\":\"甲公司\",\"phone\":\"0571-9999999\"}").statusCode(201)
                .body("values.phone", equalTo("0571-9999999")).body("values.credit", equalTo(80))
                .extract().jsonPath().getLong("id");
        patch("east_rep", typed, 1, "{\"customer_name\":\"丙公司\"}").statusCode(200)
                .body("values.phone", equalTo("0571-9999999")).body("values.credit", equalTo(30));

        // linked: follows the customer; typed over, it stays the user's
        long linked = order("east_rep", "{\"customer_name\":\"甲公司\"}").statusCode(201)
                .extract().jsonPath().getLong("id");
        patch("east_rep", linked, 1, "{\"customer_name\":\"丙公司\"}").statusCode(200)
                .body("values.phone", equalTo("0571-5555555"));
        // a client sending the whole record back (the unchanged phone with a new name) gets the new match too
        patch("east_rep", linked, 2, "{\"customer_name\":\"甲公司\",\"phone\":\"0571-5555555\"}").statusCode(200)
                .body("values.phone", equalTo("0571-1234567"));
        patch("east_rep", linked, 3, "{\"phone\":\"0571-8888888\"}").statusCode(200)
                .body("values.phone", equalTo("0571-8888888"));
        patch("east_rep", linked, 4, "{\"customer_name\":\"丙公司\"}").statusCode(200)
                .body("values.phone", equalTo("0571-8888888")).body("values.credit", equalTo(30));

        // empty until a match appears on a later edit
        long later = order("east_rep", "{\"customer_name\":\"待定\"}").statusCode(201)
                .body("values.phone", nullValue()).extract().jsonPath().getLong("id");
        patch("east_rep", later, 1, "{\"customer_name\":\"甲公司\"}").statusCode(200)
                .body("values.phone", equalTo("0571-1234567"));
        // a linked value whose match is gone is cleared; it was never the user's
        patch("east_rep", later, 2, "{\"customer_name\":\"无此公司\"}").statusCode(200)
                .body("values.phone", nullValue()).body("values.credit", nullValue());
    }

    @Test
    void badSettingsAreRefusedWithTheirPaths() {
        String bad = """
                {"key":"lk_bad","name":"x","fields":[
                  {"key":"customer_name","label":"客户名称","type":"text"},
                  {"key":"credit","label":"额度","type":"number"},
                  {"key":"a","label":"A","type":"text","config":{"linkage":
                    {"form":"lk_customer","match":[{"theirs":"nope","ours":"customer_name"},{"theirs":"name","ours":"missing"}],"take":"phone"}}},
                  {"key":"b","label":"B","type":"text","config":{"linkage":
                    {"form":"lk_customer","match":[{"theirs":"credit","ours":"customer_name"}],"take":"credit"}}},
                  {"key":"c","label":"C","type":"text","config":{"linkage":
                    {"form":"lk_nowhere","match":[{"theirs":"name","ours":"customer_name"}],"take":"name"}}},
                  {"key":"d","label":"D","type":"text","config":{"linkage":
                    {"form":"lk_customer","match":[{"theirs":"name","ours":"d"}],"take":"name"}}}]}""";
        json("east_mgr").body(bad).post("/api/forms").then().statusCode(400)
                .body("errors.field", hasItems("fields[2].config.linkage.match[0].theirs", "fields[2].config.linkage.match[1].ours",
                        "fields[3].config.linkage.match[0].theirs", "fields[3].config.linkage.take",
                        "fields[4].config.linkage.form", "fields[5].config.linkage.match[0].ours"))
                .body("errors.code", hasItems("form.linkage.unknown-field", "form.value.unknown-field",
                        "form.linkage.match-type", "form.linkage.take-type", "form.not-found", "form.linkage.self"));
        zh("east_mgr").body(bad).post("/api/forms").then().statusCode(400)
                .body("errors.find { it.field == 'fields[3].config.linkage.take' }.message", containsString("值类型"));
        json("east_mgr").get("/api/forms/lk_bad").then().statusCode(404);

        String shape = """
                {"key":"lk_bad","name":"x","fields":[
                  {"key":"a","label":"A","type":"text","config":{"linkage":"not json"}},
                  {"key":"b","label":"B","type":"text","config":{"linkage":{"form":"lk_customer","take":"name"}}},
                  {"key":"c","label":"C","type":"formula","config":{"formula":"1","linkage":
                    {"form":"lk_customer","match":[{"theirs":"name","ours":"a"}],"take":"name"}}}]}""";
        json("east_mgr").body(shape).post("/api/forms").then().statusCode(400)
                .body("errors.field", hasItems("fields[0].config.linkage", "fields[1].config.linkage.match", "fields[2].config.linkage"))
                .body("errors.code", hasItems("form.linkage.not-an-object", "form.linkage.match-required", "form.linkage.computed"));

        // one field's setting changed on a saved form: checked the same way, nothing stored
        json("east_mgr").body("""
                {"config":{"linkage":{"form":"lk_customer","match":[{"theirs":"name","ours":"customer_name"}],"take":"nope"}}}""")
                .patch("/api/forms/" + ORDERS + "/fields/phone").then().statusCode(400)
                .body("errors[0].field", equalTo("fields[1].config.linkage.take"));
        json("east_mgr").get("/api/forms/" + ORDERS).then().statusCode(200).body("fields[1].config.linkage.take", equalTo("phone"));
    }
}
