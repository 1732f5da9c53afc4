package io.tierflow.form.api;

import static io.tierflow.core.TestUsers.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkWriteTest {

    @Inject
    UserDirectory users;

    static int create(String user, String values) {
        return json(user).body("{\"values\":" + values + "}").post("/api/forms/bulk_customer/records")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aBatchIsWrittenWholeOrNotAtAllWithAnErrorPerRow() {
        FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "bulk_customer");
        int keep = create("east_rep", "{\"name\":\"保留\",\"revenue\":10}");
        int drop = create("east_rep", "{\"name\":\"删除\",\"revenue\":10}");
        int theirs = create("west_rep", "{\"name\":\"西区\",\"revenue\":10}");

        json("east_rep").body("{\"create\":[{\"name\":\"新一\"},{\"revenue\":\"x\"}],"
                        + "\"update\":[{\"id\":" + keep + ",\"version\":9,\"values\":{\"revenue\":20}},"
                        + "{\"id\":" + theirs + ",\"version\":1,\"values\":{\"revenue\":20}}],\"delete\":[" + drop + ",999999]}")
                .post("/api/forms/bulk_customer/records/bulk").then().statusCode(400)
                .body("errors.field", hasItems("create[1].values.name", "create[1].values.revenue", "update[0].version",
                        "update[1]", "delete[1]"));
        json("east_rep").get("/api/forms/bulk_customer/records").then().body("items", hasSize(2));

        json("east_rep").body("{\"create\":[{\"name\":\"新一\",\"revenue\":300},{\"name\":\"新二\"}],"
                        + "\"update\":[{\"id\":" + keep + ",\"version\":1,\"values\":{\"revenue\":20}}],\"delete\":[" + drop + "]}")
                .post("/api/forms/bulk_customer/records/bulk").then().statusCode(200)
                .body("created.values.name", contains("新一", "新二"))
                .body("created[0].tier", equalTo("A"))
                .body("updated[0].values.revenue", equalTo(20))
                .body("deleted", contains(drop));
        json("east_rep").get("/api/forms/bulk_customer/records").then().body("items.values.name", contains("新二", "新一", "保留"));
        json("west_rep").get("/api/forms/bulk_customer/records/" + theirs).then().body("values.revenue", equalTo(10));
    }
}
