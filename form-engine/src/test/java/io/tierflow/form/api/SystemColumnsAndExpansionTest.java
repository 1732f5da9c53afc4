package io.tierflow.form.api;

import static io.tierflow.core.TestUsers.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The system fields (owner, created/updated by and at, stage) filter and sort like fields, and {@code ?expand=}
 * brings the records a relation links to, as the caller may see them.
 */
@QuarkusTest
class SystemColumnsAndExpansionTest {

    @Inject
    UserDirectory users;

    private static long create(String user, String form, Map<String, Object> values) {
        return json(user).body(Map.of("values", values)).post("/api/forms/" + form + "/records").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void systemFieldsFilterAndSortAndRelationsExpandToWhatTheCallerMaySee() {
        FormFixtures.People people = FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "sys_customer");
        json("east_mgr").body("""
                {"key":"sys_order","name":"订单","fields":[{"key":"title","label":"订单","type":"text"},
                  {"key":"customer","label":"客户","type":"relation","config":{"form":"sys_customer"}}]}""")
                .post("/api/forms").then().statusCode(201);
        long mine = create("east_rep", "sys_customer", Map.of("name", "东区客户"));
        long theirs = create("west_rep", "sys_customer", Map.of("name", "西区客户"));
        create("east_rep", "sys_order", Map.of("title", "东区订单", "customer", mine));
        create("west_rep", "sys_order", Map.of("title", "西区订单", "customer", theirs));

        String byOwner = "{\"field\":\"owner\",\"op\":\"eq\",\"value\":" + people.rep().id() + "}";
        List<Long> owned = json("east_mgr").queryParam("filter", byOwner).get("/api/forms/sys_customer/records").then()
                .statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertEquals(List.of(mine), owned);
        json("root_admin").queryParam("sort", "created_by,-created_at").get("/api/forms/sys_customer/records").then()
                .statusCode(200).body("items.id", hasItem((int) theirs));

        json("root_admin").queryParam("expand", "customer").get("/api/forms/sys_order/records").then().statusCode(200)
                .body("expanded.customer." + mine + ".values.name", equalTo("东区客户"))
                .body("expanded.customer." + theirs + ".values.name", equalTo("西区客户"));
        // the west rep sees their own order, and the customer it links to; never the east customer
        json("west_rep").queryParam("expand", "customer").get("/api/forms/sys_order/records").then().statusCode(200)
                .body("items.values.title", equalTo(List.of("西区订单")))
                .body("expanded.customer." + theirs + ".values.name", equalTo("西区客户"))
                .body("expanded.customer." + mine, nullValue());
        json("root_admin").queryParam("expand", "title").get("/api/forms/sys_order/records").then().statusCode(400)
                .body("errors[0].field", equalTo("expand"));
    }
}
