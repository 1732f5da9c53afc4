package io.tierflow.form.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters with per-type operators, multi-field sort with keyset cursors, text search and field selection. */
@QuarkusTest
class RecordQueryTest {

    static boolean seeded;

    @Inject
    UserDirectory users;

    static RequestSpecification rep() {
        return TestUsers.as("east_rep").contentType(ContentType.JSON);
    }

    static List<String> names(String filter, String sort) {
        return rep().body("{\"limit\":200,\"filter\":" + filter + (sort == null ? "" : ",\"sort\":\"" + sort + "\"")
                        + ",\"fields\":[\"name\"]}")
                .post("/api/forms/q_customer/records/query").then().statusCode(200)
                .extract().jsonPath().getList("items.values.name", String.class);
    }

    @BeforeEach
    void seed() {
        FormFixtures.people(users);
        if (seeded) {
            return;
        }
        TestUsers.as("east_mgr").contentType(ContentType.JSON).body("""
                {"key":"q_customer","name":"客户","fields":[
                  {"key":"name","label":"名称","type":"text"},
                  {"key":"notes","label":"备注","type":"textarea"},
                  {"key":"revenue","label":"营收","type":"money"},
                  {"key":"industry","label":"行业","type":"single_select","config":{"options":[
                    {"key":"it","label":"信息技术"},{"key":"retail","label":"零售"},{"key":"finance","label":"金融"}]}},
                  {"key":"tags","label":"标签","type":"multi_select","config":{"options":[
                    {"key":"new","label":"新客"},{"key":"key","label":"重点"},{"key":"risk","label":"风险"}]}},
                  {"key":"last_visit","label":"最近拜访","type":"date"},
                  {"key":"double","label":"双倍","type":"formula","config":{"formula":"revenue * 2"}}]}""")
                .post("/api/forms").then().statusCode(201);
        LocalDate today = LocalDate.now();
        String[][] rows = {
                {"杭州云栖", "年度大单", "500", "it", "[\"key\"]", today.minusDays(3).toString()},
                {"宁波港联", "物流", "120", "retail", "[\"new\",\"key\"]", today.minusDays(40).toString()},
                {"苏州精工", null, "120", "finance", "[\"risk\"]", null},
                {"上海鼎新", "零售连锁 100%", null, "retail", "[]", today.minusDays(10).toString()},
                {"北京华信", "金融_服务", "80", "it", "[\"new\"]", today.plusDays(5).toString()}};
        for (String[] r : rows) {
            rep().body("{\"values\":{\"name\":\"" + r[0] + "\",\"notes\":" + (r[1] == null ? "null" : "\"" + r[1] + "\"")
                    + ",\"revenue\":" + (r[2] == null ? "null" : r[2]) + ",\"industry\":\"" + r[3] + "\",\"tags\":" + r[4]
                    + ",\"last_visit\":" + (r[5] == null ? "null" : "\"" + r[5] + "\"") + "}}")
                    .post("/api/forms/q_customer/records").then().statusCode(201);
        }
        seeded = true;
    }

    @Test
    void filtersUseEachTypesOperatorsAndReadValuesTheWayInputDoes() {
        assertNames(names("{\"field\":\"revenue\",\"op\":\"gte\",\"value\":\"¥120\"}", "name"), "宁波港联", "杭州云栖", "苏州精工");
        assertNames(names("{\"field\":\"industry\",\"op\":\"in\",\"value\":[\"零售\",\"finance\"]}", "name"), "上海鼎新", "宁波港联", "苏州精工");
        assertNames(names("{\"field\":\"tags\",\"op\":\"has_any\",\"value\":[\"重点\"]}", "name"), "宁波港联", "杭州云栖");
        assertNames(names("{\"field\":\"tags\",\"op\":\"has_all\",\"value\":[\"new\",\"key\"]}", "name"), "宁波港联");
        assertNames(names("{\"field\":\"last_visit\",\"op\":\"last_days\",\"value\":30}", "name"), "上海鼎新", "杭州云栖");
        assertNames(names("{\"field\":\"last_visit\",\"op\":\"next_days\",\"value\":7}", "name"), "北京华信");
        assertNames(names("{\"field\":\"notes\",\"op\":\"empty\"}", "name"), "苏州精工");
        assertNames(names("{\"field\":\"notes\",\"op\":\"contains\",\"value\":\"100%\"}", "name"), "上海鼎新");
        assertNames(names("{\"field\":\"notes\",\"op\":\"contains\",\"value\":\"_\"}", "name"), "北京华信");
        assertNames(names("{\"field\":\"double\",\"op\":\"between\",\"value\":[200,300]}", "name"), "宁波港联", "苏州精工");
        assertNames(names("{\"or\":[{\"field\":\"industry\",\"op\":\"eq\",\"value\":\"it\"},"
                + "{\"and\":[{\"field\":\"revenue\",\"op\":\"empty\"},{\"field\":\"tier\",\"op\":\"empty\"}]}]}", "name"),
                "上海鼎新", "北京华信", "杭州云栖");
    }

    @Test
    void badFiltersNameEachWrongPart() {
        rep().header("Accept-Language", "en").body("""
                {"filter":{"and":[{"field":"ghost","op":"eq","value":1},{"field":"revenue","op":"contains","value":"1"},
                 {"field":"revenue","op":"gt","value":"lots"},{"field":"last_visit","op":"last_days","value":-1}, 5]}}""")
                .post("/api/forms/q_customer/records/query").then().statusCode(400)
                .body("errors.field", contains("filter.and[0].field", "filter.and[1].op", "filter.and[2].value",
                        "filter.and[3].value", "filter.and[4]"));
        rep().queryParam("filter", "{not json").get("/api/forms/q_customer/records").then().statusCode(400)
                .body("errors[0].field", equalTo("filter"));
        rep().queryParam("sort", "tags").get("/api/forms/q_customer/records").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        rep().queryParam("sort", "name").queryParam("cursor", "garbage!").get("/api/forms/q_customer/records").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void sortedPagesFollowTheCursorWithEmptyValuesLast() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = rep().queryParam("sort", "-revenue,name").queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/forms/q_customer/records").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.values.name", String.class));
            cursor = page.getString("cursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(List.of("杭州云栖", "宁波港联", "苏州精工", "北京华信", "上海鼎新"), seen);
    }

    @Test
    void searchLooksIntoEveryTextFieldAndFieldsSelectWhatComesBack() {
        rep().queryParam("q", "物流").get("/api/forms/q_customer/records").then()
                .body("items.values.name", contains("宁波港联"));
        rep().queryParam("q", "精工").queryParam("fields", "name,industry").get("/api/forms/q_customer/records").then()
                .body("items[0].values.name", equalTo("苏州精工"))
                .body("items[0].values.industry", equalTo("finance"))
                .body("items[0].values.revenue", nullValue())
                .body("items[0].values.keySet()", hasItems("name", "industry"));
        rep().queryParam("fields", "name,ghost").get("/api/forms/q_customer/records").then().statusCode(400);
    }

    static void assertNames(List<String> actual, String... expected) {
        org.junit.jupiter.api.Assertions.assertEquals(List.of(expected), actual);
    }
}
