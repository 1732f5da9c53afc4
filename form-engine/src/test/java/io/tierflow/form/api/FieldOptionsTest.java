package io.tierflow.form.api;

import static io.tierflow.core.TestUsers.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The settings every field has: defaults (value or formula), patterns, uniqueness alone and together. */
@QuarkusTest
class FieldOptionsTest {

    @Inject
    UserDirectory users;

    @Test
    void defaultsPatternsAndUniquenessAreEnforcedOnEveryWrite() {
        FormFixtures.people(users);
        json("east_mgr").body("""
                {"key":"opt_customer","name":"客户","fields":[
                  {"key":"name","label":"名称","type":"text","required":true,"config":{"uniqueWith":["phone"],"help":"公司全称"}},
                  {"key":"phone","label":"电话","type":"phone"},
                  {"key":"code","label":"编码","type":"text","config":{"pattern":"[A-Z]{2}-\\\\d{4}","unique":true}},
                  {"key":"level","label":"等级","type":"single_select","config":{"default":"普通","options":[
                    {"key":"normal","label":"普通"},{"key":"vip","label":"VIP"}]}},
                  {"key":"since","label":"建档日期","type":"date","config":{"defaultFormula":"TODAY()"}}]}""")
                .post("/api/forms").then().statusCode(201);
        json("east_rep").body("{\"values\":{\"name\":\"甲公司\",\"phone\":\"0571-1234567\",\"code\":\"HZ-0001\"}}")
                .post("/api/forms/opt_customer/records").then().statusCode(201)
                .body("values.level", equalTo("normal")).body("values.since", equalTo(LocalDate.now().toString()));
        json("east_rep").header("Accept-Language", "en").body("{\"values\":{\"name\":\"乙公司\",\"code\":\"hz-1\"}}")
                .post("/api/forms/opt_customer/records").then().statusCode(400)
                .body("errors[0].field", equalTo("values.code")).body("errors[0].code", equalTo("form.value.pattern"));
        // unique alone, and name + phone together
        json("east_rep").body("{\"values\":{\"name\":\"乙公司\",\"code\":\"HZ-0001\"}}")
                .post("/api/forms/opt_customer/records").then().statusCode(409)
                .body("errors[0].field", equalTo("values.code"));
        json("west_rep").body("{\"values\":{\"name\":\"甲公司\",\"phone\":\"0571-1234567\"}}")
                .post("/api/forms/opt_customer/records").then().statusCode(409)
                .body("errors[0].field", equalTo("values.name"));
        json("west_rep").body("{\"values\":{\"name\":\"甲公司\",\"phone\":\"0571-7654321\"}}")
                .post("/api/forms/opt_customer/records").then().statusCode(201);
        // making a field unique while duplicates exist is refused by name
        json("east_rep").body("{\"values\":{\"name\":\"丙公司\",\"phone\":\"0571-7654321\"}}")
                .post("/api/forms/opt_customer/records").then().statusCode(201);
        json("east_mgr").body("{\"config\":{\"unique\":true}}").patch("/api/forms/opt_customer/fields/phone").then()
                .statusCode(409).body("code", equalTo("form.unique.existing-duplicates"));
        json("east_mgr").body("""
                {"key":"opt_bad","name":"x","fields":[{"key":"a","label":"A","type":"text","config":{"pattern":"(unclosed"}},
                  {"key":"b","label":"B","type":"number","config":{"default":"lots"}},
                  {"key":"c","label":"C","type":"date","config":{"defaultFormula":"TODAY("}}]}""")
                .post("/api/forms").then().statusCode(400)
                .body("errors.field", hasItem("fields[0].config.pattern"))
                .body("errors.field", hasItem("fields[1].config.default"));
        json("east_mgr").body("""
                {"key":"opt_bad2","name":"x","fields":[{"key":"c","label":"C","type":"date","config":{"defaultFormula":"TODAY("}}]}""")
                .post("/api/forms").then().statusCode(400).body("errors[0].field", equalTo("fields[0].config.defaultFormula"));
    }
}
