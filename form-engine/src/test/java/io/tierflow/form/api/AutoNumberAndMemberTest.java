package io.tierflow.form.api;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AutoNumberAndMemberTest {

    @Inject
    UserDirectory users;

    @Test
    void newRecordsAreNumberedPerPeriodAndMembersMustExist() {
        FormFixtures.People people = FormFixtures.people(users);
        TestUsers.as("east_mgr").contentType(ContentType.JSON).body("""
                {"key":"num_customer","name":"客户","fields":[{"key":"name","label":"名称","type":"text"},
                  {"key":"no","label":"编号","type":"autonumber","config":{"prefix":"KH-","datePart":"yyyyMM","digits":3}},
                  {"key":"manager","label":"客户经理","type":"member"},{"key":"team","label":"团队","type":"team"}]}""")
                .post("/api/forms").then().statusCode(201);
        String month = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyyMM"));
        Caller mgr = people.manager();
        TestUsers.as("east_rep").contentType(ContentType.JSON)
                .body("{\"values\":{\"name\":\"甲\",\"manager\":" + mgr.id() + ",\"team\":" + mgr.teamId() + "}}")
                .post("/api/forms/num_customer/records").then().statusCode(201)
                .body("values.no", equalTo("KH-" + month + "-001")).body("values.manager", equalTo((int) mgr.id()));
        int second = TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"values\":{\"name\":\"乙\"}}")
                .post("/api/forms/num_customer/records").then().statusCode(201)
                .body("values.no", equalTo("KH-" + month + "-002")).extract().path("id");
        TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"version\":1,\"values\":{\"name\":\"乙改\"}}")
                .patch("/api/forms/num_customer/records/" + second).then().body("values.no", equalTo("KH-" + month + "-002"));
        TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"values\":{\"no\":\"X\",\"manager\":999999,\"team\":\"abc\"}}")
                .post("/api/forms/num_customer/records").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("values.no", "values.team"));
        TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"values\":{\"manager\":999999}}")
                .post("/api/forms/num_customer/records").then().statusCode(400)
                .body("errors[0].code", equalTo("form.member.not-found"));
    }
}
