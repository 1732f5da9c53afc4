package io.tierflow.ui.records;

import static io.tierflow.ui.testing.PageClient.api;
import static io.tierflow.ui.testing.PageClient.page;
import static io.tierflow.ui.testing.PageClient.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;

/**
 * Record pages whose fields depend on each other: fields hidden by their condition are rendered hidden and the
 * server answers which to hide for the values typed so far; a linkage field is refilled from the server while
 * its match is typed, never over the user's own value; saving from the page follows the same rules.
 */
@QuarkusTest
class LiveFieldsPagesTest {

    static final String CUSTOMERS = "ui_live_customer";
    static final String DEALS = "ui_live_deal";

    @Inject
    UserDirectory users;

    @BeforeEach
    void forms() {
        FormFixtures.people(users);
        if (api("east_mgr").get("/api/forms/" + DEALS).statusCode() == 404) {
            api("east_mgr").body("""
                    {"key":"ui_live_customer","name":"客户","fields":[
                      {"key":"name","label":"客户名称","type":"text","required":true},
                      {"key":"phone","label":"电话","type":"phone"}]}""").post("/api/forms").then().statusCode(201);
            api("east_mgr").body("""
                    {"key":"ui_live_deal","name":"商机","fields":[
                      {"key":"customer_name","label":"客户名称","type":"text","required":true},
                      {"key":"phone","label":"联系电话","type":"phone","config":{"linkage":
                        {"form":"ui_live_customer","match":[{"theirs":"name","ours":"customer_name"}],"take":"phone"}}},
                      {"key":"amount","label":"金额","type":"number"},
                      {"key":"reason","label":"大单理由","type":"text","required":true,"config":{"visibleWhen":"amount > 100"}}]}""")
                    .post("/api/forms").then().statusCode(201);
            api("east_rep").body("{\"values\":{\"name\":\"联动甲公司\",\"phone\":\"0571-1234567\"}}")
                    .post("/api/forms/" + CUSTOMERS + "/records").then().statusCode(201);
            api("west_rep").body("{\"values\":{\"name\":\"联动西区公司\",\"phone\":\"0571-7654321\"}}")
                    .post("/api/forms/" + CUSTOMERS + "/records").then().statusCode(201);
        }
    }

    @Test
    void fieldsHiddenByTheirConditionAreRenderedHiddenAndTheServerSaysWhichToHide() {
        page("east_rep").get("/forms/" + DEALS + "/new").then().statusCode(200)
                .body(containsString("id=\"v-reason-field\" data-field=\"reason\" hidden"),
                        not(containsString("id=\"v-amount-field\" data-field=\"amount\" hidden")),
                        containsString("hx-post=\"/forms/" + DEALS + "/live/visibility\""), containsString("data-live-on=\"*\""),
                        containsString("/js/records.js"));

        post("east_rep").formParam("values.amount", "500").post("/forms/" + DEALS + "/live/visibility").then().statusCode(200)
                .body(containsString("data-hidden-fields=\"\""), not(containsString("<html")));
        post("east_rep").formParam("values.amount", "5").post("/forms/" + DEALS + "/live/visibility").then().statusCode(200)
                .body(containsString("data-hidden-fields=\"reason\""));
        // half typed: not a number yet, so not more than 100
        post("east_rep").formParam("values.amount", "5x").post("/forms/" + DEALS + "/live/visibility").then().statusCode(200)
                .body(containsString("data-hidden-fields=\"reason\""));

        // saving from the page: a hidden required field is not required, a shown one is
        post("east_rep").formParam("values.customer_name", "小单公司").formParam("values.amount", "5").formParam("values.reason", "")
                .post("/forms/" + DEALS + "/records").then().statusCode(303);
        post("east_rep").formParam("values.customer_name", "大单公司").formParam("values.amount", "500").formParam("values.reason", "")
                .post("/forms/" + DEALS + "/records").then().statusCode(400)
                .body(containsString("id=\"v-reason-field\" data-field=\"reason\">"), containsString("v-reason-error"));

        // a stored record: its edit page starts with what its values hide
        int id = api("east_rep").body("{\"values\":{\"customer_name\":\"存量公司\",\"amount\":50}}").post("/api/forms/" + DEALS + "/records")
                .then().statusCode(201).extract().path("id");
        page("east_rep").get("/forms/" + DEALS + "/records/" + id).then().statusCode(200)
                .body(containsString("id=\"v-reason-field\" data-field=\"reason\" hidden"),
                        containsString("/live/visibility?record=" + id));
    }

    @Test
    void linkageFillsTheFieldAsTheMatchIsTypedButNeverOverTheUsersOwnValue() {
        String field = "/forms/" + DEALS + "/live/linkage/phone";
        post("east_rep").formParam("values.customer_name", "联动甲公司").formParam("values.phone", "").post(field).then().statusCode(200)
                .body(containsString("id=\"v-phone-field\""), containsString("value=\"0571-1234567\""),
                        containsString("<input type=\"hidden\" name=\"linked.phone\" id=\"linked-phone\" value=\"1\" hx-swap-oob=\"true\">"));
        // the user's own value stays; a linked one is replaced, and cleared when nothing matches any more
        post("east_rep").formParam("values.customer_name", "联动甲公司").formParam("values.phone", "0571-9999999").post(field)
                .then().statusCode(204);
        post("east_rep").formParam("values.customer_name", "联动").formParam("values.phone", "0571-1234567")
                .formParam("linked.phone", "1").post(field).then().statusCode(200)
                .body(containsString("id=\"v-phone\" name=\"values.phone\" type=\"tel\" value=\"\""),
                        containsString("id=\"linked-phone\" value=\"\""));
        // another team's customer is not found for this user
        post("east_rep").formParam("values.customer_name", "联动西区公司").formParam("values.phone", "").post(field).then().statusCode(204);

        // the new page carries an agent per linkage field, listening to the fields it matches on
        page("east_rep").get("/forms/" + DEALS + "/new").then().statusCode(200)
                .body(containsString("data-live-on=\"customer_name\""), containsString("name=\"linked.phone\" id=\"linked-phone\" value=\"\""));
        // saved from the page with the field empty: the server fills it; the edit page knows it is linked
        String location = post("east_rep").formParam("values.customer_name", "联动甲公司").formParam("values.phone", "")
                .post("/forms/" + DEALS + "/records").then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        api("east_rep").get("/api/forms/" + DEALS + "/records/" + id).then().statusCode(200).body("values.phone", equalTo("0571-1234567"));
        page("east_rep").get("/forms/" + DEALS + "/records/" + id).then().statusCode(200)
                .body(containsString("name=\"linked.phone\" id=\"linked-phone\" value=\"1\""),
                        containsString("/live/linkage/phone?record=" + id));
        // a field that is not a linkage field has no live fill
        post("east_rep").formParam("values.amount", "1").post("/forms/" + DEALS + "/live/linkage/amount").then().statusCode(404);
    }
}
