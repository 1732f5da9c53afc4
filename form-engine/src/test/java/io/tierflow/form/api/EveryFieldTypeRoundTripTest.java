package io.tierflow.form.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every field type through the API: create the form, write a record, read back exactly what was meant. */
@QuarkusTest
class EveryFieldTypeRoundTripTest {

    @Inject
    UserDirectory users;

    @Test
    void eachTypeStoresAndReturnsItsValueAndFeedsFormulas() {
        FormFixtures.people(users);
        TestUsers.as("east_mgr").contentType(ContentType.JSON).body("""
                {"key":"all_types","name":"全部类型","fields":[
                  {"key":"name","label":"名称","type":"text"},
                  {"key":"notes","label":"备注","type":"textarea"},
                  {"key":"amount","label":"数量","type":"number"},
                  {"key":"price","label":"金额","type":"money","config":{"currency":"CNY","precision":2}},
                  {"key":"share","label":"占比","type":"percent"},
                  {"key":"stars","label":"评分","type":"rating"},
                  {"key":"signed","label":"签约日","type":"date"},
                  {"key":"met","label":"拜访时间","type":"datetime"},
                  {"key":"vip","label":"VIP","type":"checkbox"},
                  {"key":"mail","label":"邮箱","type":"email"},
                  {"key":"tel","label":"电话","type":"phone"},
                  {"key":"site","label":"网址","type":"url"},
                  {"key":"level","label":"等级","type":"single_select","config":{"options":[{"key":"gold","label":"金牌"}]}},
                  {"key":"tags","label":"标签","type":"multi_select","config":{"options":[
                    {"key":"new","label":"新客"},{"key":"key","label":"重点"}]}},
                  {"key":"total","label":"合计","type":"formula","config":{"formula":"amount * price"}},
                  {"key":"summary","label":"摘要","type":"formula","config":{"formula":"CONCAT(name, \\"/\\", tags, \\"/\\", vip ? \\"VIP\\" : \\"-\\")"}},
                  {"key":"next_visit","label":"下次拜访","type":"formula","config":{"formula":"signed + 30"}}]}""")
                .post("/api/forms").then().statusCode(201);
        int id = TestUsers.as("east_rep").contentType(ContentType.JSON).body("""
                {"values":{"name":"测试","notes":"第一行\\n第二行","amount":"3","price":"¥1,200.50","share":"12.5%",
                 "stars":4,"signed":"2026年3月1日","met":"2026-03-01 14:30","vip":"是","mail":"a@b.cn",
                 "tel":"+86 138-0013-8000","site":"https://example.cn","level":"金牌","tags":"重点，新客"}}""")
                .post("/api/forms/all_types/records").then().statusCode(201)
                .body("values.notes", equalTo("第一行\n第二行"))
                .body("values.price", equalTo(1200.5f))
                .body("values.share", equalTo(12.5f))
                .body("values.stars", equalTo(4))
                .body("values.signed", equalTo("2026-03-01"))
                .body("values.met", equalTo("2026-03-01T14:30:00+08:00"))
                .body("values.vip", equalTo(true))
                .body("values.level", equalTo("gold"))
                .body("values.tags", equalTo(List.of("new", "key")))
                .body("values.total", equalTo(3601.5f))
                .body("values.summary", equalTo("测试/new,key/VIP"))
                .body("values.next_visit", equalTo("2026-03-31"))
                .extract().path("id");
        TestUsers.as("east_rep").get("/api/forms/all_types/records/" + id).then()
                .body("values.met", equalTo("2026-03-01T14:30:00+08:00")).body("values.tags", equalTo(List.of("new", "key")));
        TestUsers.as("east_rep").contentType(ContentType.JSON)
                .body("{\"values\":{\"mail\":\"nope\",\"tel\":\"x\",\"site\":\"ftp://a\",\"signed\":\"2026-13-01\",\"vip\":\"maybe\",\"stars\":9,\"price\":\"1.005\"}}")
                .post("/api/forms/all_types/records").then().statusCode(400)
                .body("errors.field", hasItems("values.mail", "values.tel", "values.site", "values.signed", "values.vip",
                        "values.stars", "values.price"));
    }

    @Test
    void typesDescribeTheirOwnSettingsInTheCallersLanguage() {
        FormFixtures.people(users);
        io.restassured.RestAssured.given().cookie("tierflow_session", TestUsers.login("east_rep"))
                .header("Accept-Language", "zh-CN").get("/api/field-types").then().statusCode(200)
                .body("find { it.id == 'money' }.label", equalTo("金额"))
                .body("find { it.id == 'money' }.options.name", hasItems("currency", "precision"))
                .body("find { it.id == 'money' }.options.find { it.name == 'precision' }.defaultValue", equalTo(2))
                .body("find { it.id == 'money' }.options.find { it.name == 'precision' }.label", equalTo("小数位数"))
                .body("find { it.id == 'formula' }.computed", equalTo(true))
                .body("id", hasItems("text", "textarea", "number", "money", "percent", "rating", "date", "datetime",
                        "checkbox", "email", "phone", "url", "single_select", "multi_select", "formula"));
    }
}
