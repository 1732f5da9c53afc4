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

    /** Multipart file names in UTF-8, as browsers send them (the client's default would send "???.txt"). */
    static final io.restassured.config.RestAssuredConfig UTF8_NAMES = io.restassured.RestAssured.config()
            .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                    .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
            .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"));

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
                        "checkbox", "email", "phone", "url", "single_select", "multi_select", "formula", "attachment",
                        "china_region", "sub_table"))
                .body("find { it.id == 'china_region' }.options.find { it.name == 'level' }.label", equalTo("选到"))
                .body("find { it.id == 'attachment' }.options.name", hasItems("maxSizeMb", "accept", "maxFiles"));
    }

    /**
     * Files, a region and a sub-table: through the API (a file uploaded first, then saved by id), into a CSV export
     * (file names, region names, the sub-table as one JSON cell) and back through an import into a second form
     * (region and rows as they were; the file column left out with a warning, since files are uploaded).
     */
    @Test
    void filesRegionsAndSubTablesRoundTripThroughTheApiExportAndImport() throws Exception {
        FormFixtures.people(users);
        String fields = """
                [{"key":"name","label":"名称","type":"text"},
                 {"key":"files","label":"资料","type":"attachment","config":{"accept":"pdf,txt"}},
                 {"key":"region","label":"地区","type":"china_region"},
                 {"key":"items","label":"明细","type":"sub_table","config":{"columns":[
                   {"key":"product","label":"产品","type":"text","required":true},
                   {"key":"qty","label":"数量","type":"number"},
                   {"key":"price","label":"单价","type":"money"},
                   {"key":"due","label":"交期","type":"date"},
                   {"key":"kind","label":"类别","type":"single_select","config":{"options":[{"key":"std","label":"标准"}]}}]}},
                 {"key":"lines","label":"行数","type":"formula","config":{"formula":"items * 10 + files"}}]""";
        for (String key : List.of("rich_types", "rich_types_copy")) {
            TestUsers.as("east_mgr").contentType(ContentType.JSON)
                    .body("{\"key\":\"" + key + "\",\"name\":\"丰富类型\",\"fields\":" + fields + "}")
                    .post("/api/forms").then().statusCode(201);
        }
        String fileId = TestUsers.as("east_rep").config(UTF8_NAMES).multiPart("file", "报价单.txt", "单价 12.5 元".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .post("/api/forms/rich_types/fields/files/attachments").then().statusCode(201)
                .body("name", equalTo("报价单.txt")).body("contentType", equalTo("text/plain")).extract().path("id");
        int id = TestUsers.as("east_rep").contentType(ContentType.JSON).body("""
                {"values":{"name":"甲","files":["%s"],"region":"上海市/黄浦区",
                 "items":[{"product":"螺丝","qty":"3","price":"¥1,200.50","due":"2026年3月1日","kind":"标准"},
                          {"product":"垫片","qty":10}]}}""".formatted(fileId))
                .post("/api/forms/rich_types/records").then().statusCode(201)
                .body("values.files[0].id", equalTo(fileId)).body("values.files[0].name", equalTo("报价单.txt"))
                .body("values.files[0].size", equalTo(15))
                .body("values.region", equalTo(java.util.Map.of("province", "310000", "city", "310100", "district", "310101")))
                .body("values.items[0].price", equalTo(1200.5f)).body("values.items[0].due", equalTo("2026-03-01"))
                .body("values.items[0].kind", equalTo("std")).body("values.items[1].qty", equalTo(10))
                .body("values.lines", equalTo(21))
                .extract().path("id");
        TestUsers.as("east_rep").get("/api/forms/rich_types/records/" + id).then().statusCode(200)
                .body("values.files.name", equalTo(List.of("报价单.txt")))
                .body("values.region.district", equalTo("310101"))
                .body("values.items.product", equalTo(List.of("螺丝", "垫片")));

        String csv = new String(TestUsers.as("east_rep").get("/api/forms/rich_types/export?format=csv").then().statusCode(200)
                .extract().asByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        var rows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new java.io.StringReader(csv.replace("\uFEFF", ""))).getRecords();
        org.junit.jupiter.api.Assertions.assertEquals("报价单.txt", rows.get(0).get("资料"));
        org.junit.jupiter.api.Assertions.assertEquals("上海市 / 市辖区 / 黄浦区", rows.get(0).get("地区"));
        org.junit.jupiter.api.Assertions.assertTrue(rows.get(0).get("明细").startsWith("[{\"product\":\"螺丝\""), rows.get(0).get("明细"));

        TestUsers.as("east_mgr").multiPart("file", "export.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/api/forms/rich_types_copy/import").then().statusCode(200)
                .body("created", equalTo(1)).body("errors", org.hamcrest.Matchers.hasSize(0))
                .body("ignoredColumns.find { it.column == '资料' }.reason", equalTo("not-importable"));
        TestUsers.as("east_mgr").get("/api/forms/rich_types_copy/records").then().statusCode(200)
                .body("items[0].values.region", equalTo(java.util.Map.of("province", "310000", "city", "310100", "district", "310101")))
                .body("items[0].values.items.product", equalTo(List.of("螺丝", "垫片")))
                .body("items[0].values.items[0].price", equalTo(1200.5f))
                .body("items[0].values.items[0].due", equalTo("2026-03-01"))
                .body("items[0].values.files", org.hamcrest.Matchers.nullValue())
                .body("items[0].values.lines", equalTo(20));
    }
}
