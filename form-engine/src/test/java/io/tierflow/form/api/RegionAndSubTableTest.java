package io.tierflow.form.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regions and sub-tables through the API: bad input answers problem+json with the path of the bad part in the
 * caller's language, regions filter by province or city, imports take names or codes, and formulas and the tier
 * model read a sub-table as its row count the same way in the write pipeline (MVEL) and in a simulation (SQL).
 */
@QuarkusTest
class RegionAndSubTableTest {

    static final String FORM = "orders_rich";

    @Inject
    UserDirectory users;

    @BeforeEach
    void form() {
        FormFixtures.people(users);
        if (TestUsers.as("east_mgr").get("/api/forms/" + FORM).statusCode() == 404) {
            TestUsers.as("east_mgr").contentType(ContentType.JSON).body("""
                    {"key":"%s","name":"订单","fields":[
                      {"key":"name","label":"名称","type":"text"},
                      {"key":"region","label":"地区","type":"china_region"},
                      {"key":"city","label":"城市","type":"china_region","config":{"level":"city"}},
                      {"key":"items","label":"明细","type":"sub_table","config":{"maxRows":3,"columns":[
                        {"key":"product","label":"产品","type":"text","required":true},
                        {"key":"qty","label":"数量","type":"number","config":{"min":1}},
                        {"key":"price","label":"单价","type":"money"}]}}],
                     "tierModel":{"rules":[{"tier":"A","condition":"items >= 2"},
                                           {"tier":"B","condition":"STARTSWITH(region, \\"31\\")"},
                                           {"tier":"C","condition":"true"}]}}""".formatted(FORM))
                    .post("/api/forms").then().statusCode(201);
        }
    }

    static RequestSpecification in(String user, String lang) {
        return RestAssured.given().cookie("tierflow_session", TestUsers.login(user)).header("Accept-Language", lang)
                .contentType(ContentType.JSON);
    }

    static int create(String values) {
        return TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"values\":" + values + "}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(201).extract().path("id");
    }

    @Test
    void badCellsAndPlacesAreReportedUnderTheirPathsInChineseAndEnglish() {
        String bad = """
                {"values":{"region":"上海市/火星区","city":"上海市","items":[{"product":"螺丝","qty":2},{"product":"垫片","qty":"许多"},{"qty":0}]}}""";
        in("east_rep", "en").body(bad).post("/api/forms/" + FORM + "/records").then().statusCode(400)
                .header("Content-Type", equalTo("application/problem+json"))
                .body("errors.field", containsInAnyOrder("values.region", "values.items[1].qty", "values.items[2].qty",
                        "values.items[2].product"))
                .body("errors.find { it.field == 'values.items[1].qty' }.message", equalTo("Expected a number, such as 1200 or 12.5."))
                .body("errors.find { it.field == 'values.items[2].product' }.message", equalTo("\"产品\" is required."))
                .body("errors.find { it.field == 'values.region' }.message",
                        equalTo("\"上海市/火星区\" is not a province, city or district of China."));
        in("east_rep", "zh-CN").body(bad).post("/api/forms/" + FORM + "/records").then().statusCode(400)
                .body("errors.find { it.field == 'values.items[2].product' }.message", equalTo("“产品”为必填项。"))
                .body("errors.find { it.field == 'values.region' }.message", equalTo("“上海市/火星区”不是中国的省、市或区县。"));
        in("east_rep", "zh-CN").body("{\"values\":{\"region\":\"上海市\"}}").post("/api/forms/" + FORM + "/records").then()
                .statusCode(400).body("errors[0].field", equalTo("values.region")).body("errors[0].message", equalTo("请选到区/县。"));
        in("east_rep", "en").body("{\"values\":{\"items\":[{\"product\":\"a\"},{\"product\":\"b\"},{\"product\":\"c\"},{\"product\":\"d\"}]}}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(400)
                .body("errors[0].field", equalTo("values.items")).body("errors[0].message", equalTo("At most 3 rows."));
        // a sub-table's columns are checked by their own types when the builder saves the form
        in("east_mgr", "en").body("""
                {"key":"bad_sub","name":"x","fields":[{"key":"items","label":"明细","type":"sub_table","config":{"columns":[
                  {"key":"kind","label":"类别","type":"single_select"},{"key":"who","label":"谁","type":"member"}]}}]}""")
                .post("/api/forms").then().statusCode(400)
                .body("errors.field", hasItems("fields[0].config.columns[0].config.options", "fields[0].config.columns[1].type"));
    }

    /** Which of {@code mine} the filter finds (other tests' records share the form). */
    static List<Integer> found(String filter, List<Integer> mine) {
        List<Integer> ids = TestUsers.as("east_rep").queryParam("filter", filter).queryParam("limit", 200)
                .get("/api/forms/" + FORM + "/records").then().statusCode(200).extract().path("items.id");
        return mine.stream().filter(ids::contains).toList();
    }

    @Test
    void regionsFilterByProvinceOrCityAndShowTheirNames() {
        int shanghai = create("{\"name\":\"沪\",\"region\":\"上海 黄浦区\",\"city\":\"310000\"}");
        int hangzhou = create("{\"name\":\"杭\",\"region\":{\"province\":\"330000\",\"city\":\"330100\",\"district\":\"330106\"},\"city\":\"杭州\"}");
        int ningbo = create("{\"name\":\"甬\",\"region\":\"浙江省宁波市鄞州区\"}");
        List<Integer> mine = List.of(shanghai, hangzhou, ningbo);
        TestUsers.as("east_rep").get("/api/forms/" + FORM + "/records/" + hangzhou).then()
                .body("values.city", equalTo(Map.of("province", "330000", "city", "330100")));
        TestUsers.as("east_rep").get("/api/forms/" + FORM + "/records/" + shanghai).then()
                .body("values.city", equalTo(Map.of("province", "310000", "city", "310100")));
        assertEquals(List.of(hangzhou, ningbo), found("{\"field\":\"region\",\"op\":\"in\",\"value\":[\"浙江省\"]}", mine));
        assertEquals(List.of(shanghai, ningbo), found("{\"field\":\"region\",\"op\":\"in\",\"value\":[\"330200\",\"上海市\"]}", mine));
        assertEquals(List.of(hangzhou), found("{\"field\":\"region\",\"op\":\"in\",\"value\":[\"杭州西湖区\"]}", mine));
        assertEquals(List.of(shanghai, ningbo), found("{\"field\":\"region\",\"op\":\"not_in\",\"value\":[\"杭州市\"]}", mine));
        assertEquals(List.of(ningbo), found("{\"field\":\"city\",\"op\":\"empty\"}", mine));
        TestUsers.as("east_rep").queryParam("filter", "{\"field\":\"region\",\"op\":\"in\",\"value\":[\"火星\"]}")
                .get("/api/forms/" + FORM + "/records").then().statusCode(400).body("errors[0].field", equalTo("filter.value"));
        TestUsers.as("east_rep").queryParam("sort", "region").get("/api/forms/" + FORM + "/records").then().statusCode(400);
        String csv = TestUsers.as("east_mgr").get("/api/forms/" + FORM + "/export?format=csv").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains("杭,浙江省 / 杭州市 / 西湖区,浙江省 / 杭州市"), csv);
    }

    @Test
    void importsTakeRegionNamesOrCodesAndSubTableRowsAsJson() {
        TestUsers.as("east_mgr").multiPart("file", "a.csv", ("名称,地区,明细\n"
                        + "导入一,上海市/黄浦区,\"[{\"\"product\"\":\"\"螺丝\"\",\"\"qty\"\":3}]\"\n"
                        + "导入二,上海 黄浦区,\n"
                        + "导入三,330106,\n"
                        + "导入四,北京市/不存在区,\"[{\"\"qty\"\":1}]\"\n").getBytes(StandardCharsets.UTF_8), "text/csv")
                .queryParam("x", 1).multiPart("mode", "skip_bad_rows")
                .post("/api/forms/" + FORM + "/import").then().statusCode(200)
                .body("created", equalTo(3)).body("failed", equalTo(1))
                .body("errors.field", hasItems("region", "items[0].product"))
                .body("errors.row", contains(5, 5));
        TestUsers.as("east_mgr").queryParam("filter", "{\"field\":\"name\",\"op\":\"starts_with\",\"value\":\"导入\"}")
                .get("/api/forms/" + FORM + "/records").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.find { it.values.name == '导入一' }.values.region.district", equalTo("310101"))
                .body("items.find { it.values.name == '导入二' }.values.region.district", equalTo("310101"))
                .body("items.find { it.values.name == '导入三' }.values.region.district", equalTo("330106"))
                .body("items.find { it.values.name == '导入一' }.values.items[0].qty", equalTo(3));
    }

    @Test
    void aParentRollsUpAndLooksUpItsChildrensRowsAndRegionsAsFormulasReadThem() {
        RequestSpecification mgr = TestUsers.as("east_mgr").contentType(ContentType.JSON);
        mgr.body("""
                {"key":"rich_parent","name":"客户","fields":[{"key":"name","label":"名称","type":"text"},
                  {"key":"home","label":"总部","type":"china_region"}]}""")
                .post("/api/forms").then().statusCode(201);
        TestUsers.as("east_mgr").contentType(ContentType.JSON).body("""
                {"key":"rich_child","name":"订单","fields":[{"key":"customer","label":"客户","type":"relation","config":{"form":"rich_parent"}},
                  {"key":"region","label":"地区","type":"china_region"},
                  {"key":"items","label":"明细","type":"sub_table","config":{"columns":[{"key":"p","label":"产品","type":"text"}]}}]}""")
                .post("/api/forms").then().statusCode(201);
        for (String[] f : new String[][] {{"lines", "rollup", "{\"form\":\"rich_child\",\"relation\":\"customer\",\"function\":\"sum\",\"field\":\"items\"}"},
                {"last_region", "rollup", "{\"form\":\"rich_child\",\"relation\":\"customer\",\"function\":\"latest\",\"field\":\"region\"}"}}) {
            TestUsers.as("east_mgr").contentType(ContentType.JSON)
                    .body("{\"key\":\"" + f[0] + "\",\"label\":\"" + f[0] + "\",\"type\":\"" + f[1] + "\",\"config\":" + f[2] + "}")
                    .post("/api/forms/rich_parent/fields").then().statusCode(201);
        }
        TestUsers.as("east_mgr").contentType(ContentType.JSON).body("""
                {"key":"customer_home","label":"客户总部","type":"lookup","config":{"relation":"customer","field":"home"}}""")
                .post("/api/forms/rich_child/fields").then().statusCode(201);
        int parent = TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"values\":{\"name\":\"甲\",\"home\":\"上海市/黄浦区\"}}")
                .post("/api/forms/rich_parent/records").then().statusCode(201).extract().path("id");
        List<Integer> orders = new java.util.ArrayList<>();
        for (String order : List.of("{\"customer\":%d,\"region\":\"310101\",\"items\":[{\"p\":\"a\"},{\"p\":\"b\"}]}",
                "{\"customer\":%d,\"region\":\"330106\",\"items\":[{\"p\":\"c\"}]}")) {
            orders.add(TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"values\":" + order.formatted(parent) + "}")
                    .post("/api/forms/rich_child/records").then().statusCode(201).extract().path("id"));
        }
        // a lookup reads the parent's region as formulas do: its deepest code
        TestUsers.as("east_rep").get("/api/forms/rich_child/records/" + orders.get(0)).then().statusCode(200)
                .body("values.customer_home", equalTo("310101"));
        TestUsers.as("east_rep").get("/api/forms/rich_parent/records/" + parent).then().statusCode(200)
                .body("values.lines", equalTo(3)).body("values.last_region", equalTo("330106"));
    }

    @Test
    void formulasAndTheTierModelReadASubTableAsItsRowCountInTheWritePipelineAndInSql() {
        int two = create("{\"name\":\"两行\",\"items\":[{\"product\":\"a\"},{\"product\":\"b\"}],\"region\":\"310101\"}");
        int one = create("{\"name\":\"一行\",\"items\":[{\"product\":\"a\"}],\"region\":\"310101\"}");
        int none = create("{\"name\":\"无\",\"region\":\"330106\"}");
        TestUsers.as("east_rep").get("/api/forms/" + FORM + "/records/" + two).then().body("tier", equalTo("A"));
        TestUsers.as("east_rep").get("/api/forms/" + FORM + "/records/" + one).then().body("tier", equalTo("B"));
        TestUsers.as("east_rep").get("/api/forms/" + FORM + "/records/" + none).then().body("tier", equalTo("C"));
        // the same model as SQL over the whole table (simulation) puts every record where the pipeline did
        int version = TestUsers.as("east_mgr").contentType(ContentType.JSON).body("""
                {"tierModel":{"rules":[{"tier":"A","condition":"items >= 2"},{"tier":"B","condition":"STARTSWITH(region, \\"31\\")"},
                  {"tier":"C","condition":"true"}]},"note":"same"}""")
                .post("/api/forms/" + FORM + "/rules").then().statusCode(201).extract().path("version");
        io.restassured.path.json.JsonPath sim = TestUsers.as("east_mgr").post("/api/forms/" + FORM + "/rules/" + version + "/simulate")
                .then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> cell : sim.<Map<String, Object>>getList("matrix")) {
            org.junit.jupiter.api.Assertions.assertEquals(cell.get("from"), cell.get("to"), "moved: " + cell);
        }
        org.junit.jupiter.api.Assertions.assertTrue(sim.getList("matrix").size() >= 3, sim.prettify());
        List<Integer> unused = List.of(two, one, none);
        org.junit.jupiter.api.Assertions.assertEquals(3, unused.size());
    }
}
