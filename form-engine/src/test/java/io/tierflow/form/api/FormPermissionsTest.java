package io.tierflow.form.api;

import static io.tierflow.core.TestUsers.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Role × form × action, row scope and field visibility, enforced in the services behind every endpoint. */
@QuarkusTest
class FormPermissionsTest {

    @Inject
    UserDirectory users;

    static int create(String user, String form, String values) {
        return json(user).body("{\"values\":" + values + "}").post("/api/forms/" + form + "/records")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void configuredAccessNarrowsActionsWidensScopeAndHidesOrFreezesFields() {
        FormFixtures.people(users);
        TestUsers.ensure(users, "east_rep2", Role.SALES, "east");
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "perm_customer");
        int mine = create("east_rep", "perm_customer", "{\"name\":\"我的客户\",\"revenue\":10,\"industry\":\"it\"}");
        int colleagues = create("east_rep2", "perm_customer", "{\"name\":\"同事的客户\",\"revenue\":20}");
        json("east_rep").get("/api/forms/perm_customer/records/" + colleagues).then().statusCode(404);

        json("east_mgr").body("{\"SALES\":{\"actions\":[\"view\",\"create\"],\"scope\":\"team\"}}")
                .put("/api/forms/perm_customer/permissions").then().statusCode(403);
        json("root_admin").body("""
                {"SALES":{"actions":["view","create","fly"],"scope":"galaxy","fields":{"ghost":"hidden","name":"secret"}}}""")
                .put("/api/forms/perm_customer/permissions").then().statusCode(400)
                .body("errors.field", hasItems("SALES.actions", "SALES.scope", "SALES.fields.ghost", "SALES.fields.name"));
        json("root_admin").body("""
                {"SALES":{"actions":["view","create"],"scope":"team","fields":{"industry":"hidden","revenue":"readonly"}}}""")
                .put("/api/forms/perm_customer/permissions").then().statusCode(200)
                .body("SALES.scope", equalTo("team")).body("MANAGER.scope", equalTo("team"));

        json("east_rep").get("/api/forms/perm_customer/records/" + colleagues).then().statusCode(200)
                .body("values", not(hasKey("industry"))).body("values.revenue", equalTo(20));
        json("east_rep").get("/api/forms/perm_customer/records").then().body("items.id", hasItems(mine, colleagues));
        json("west_rep").get("/api/forms/perm_customer/records/" + mine).then().statusCode(404);
        json("east_rep").body("{\"values\":{\"name\":\"新客户\",\"revenue\":5,\"industry\":\"it\"}}")
                .post("/api/forms/perm_customer/records").then().statusCode(400)
                .body("errors.field", hasItems("values.revenue", "values.industry"))
                .body("errors.find { it.field == 'values.industry' }.code", equalTo("form.value.unknown-field"))
                .body("errors.find { it.field == 'values.revenue' }.code", equalTo("form.value.readonly"));
        json("east_rep").body("{\"version\":1,\"values\":{\"name\":\"改名\"}}")
                .patch("/api/forms/perm_customer/records/" + mine).then().statusCode(403);
        json("east_rep").delete("/api/forms/perm_customer/records/" + mine).then().statusCode(403);
        json("east_rep").queryParam("filter", "{\"field\":\"industry\",\"op\":\"eq\",\"value\":\"it\"}")
                .get("/api/forms/perm_customer/records").then().statusCode(400);
        json("east_rep").get("/api/forms/perm_customer/records/" + mine + "/history").then().statusCode(200)
                .body("changes[0].detail.values", not(hasKey("industry")));
        json("east_mgr").get("/api/forms/perm_customer/records/" + mine).then().body("values.industry", equalTo("it"));

        json("root_admin").body("{\"SALES\":{\"actions\":[],\"scope\":\"own\"}}")
                .put("/api/forms/perm_customer/permissions").then().statusCode(200);
        json("east_rep").get("/api/forms/perm_customer/records").then().statusCode(404);
        json("east_rep").get("/api/forms/perm_customer/records/" + mine).then().statusCode(404);
    }
}
