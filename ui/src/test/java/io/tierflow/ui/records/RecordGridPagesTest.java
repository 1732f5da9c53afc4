package io.tierflow.ui.records;

import static io.restassured.RestAssured.given;
import static io.tierflow.ui.testing.PageClient.api;
import static io.tierflow.ui.testing.PageClient.page;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.ui.testing.CustomerForms;
import io.tierflow.ui.testing.PageClient;
import io.tierflow.ui.web.Csrf;

/**
 * The record grid over HTTP: the filter bar's conditions (ANDed, each field's operators), sorting by a header
 * with keyset pages, the column picker and saved views (per user), cells edited in place with the row's
 * version, export links with the grid's state, and the trash.
 */
@QuarkusTest
class RecordGridPagesTest {

    static final String FORM = "ui_grid_customer";
    static final String BASE = "/forms/" + FORM;

    @Inject
    UserDirectory users;

    @BeforeEach
    void customerForm() {
        CustomerForms.ensure(users, FORM);
    }

    static int create(String user, String values) {
        return CustomerForms.create(user, FORM, values);
    }

    /** An htmx request of a page (session, CSRF cookie and header), as the grid's parts send them. */
    static RequestSpecification htmx(String user) {
        String token = PageClient.csrfToken();
        return given().cookie("tierflow_session", TestUsers.login(user)).cookie(Csrf.COOKIE, token).header(Csrf.HEADER, token)
                .header("HX-Request", "true").accept("text/html").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    @Test
    void conditionsAreAndedAndRefusedValuesAreExplained() {
        create("east_rep", "{\"name\":\"筛选甲\",\"revenue\":300,\"industry\":\"it\"}");
        create("east_rep", "{\"name\":\"筛选乙\",\"revenue\":150,\"industry\":\"retail\"}");
        create("east_rep", "{\"name\":\"筛选丙\",\"revenue\":20,\"industry\":\"it\"}");

        page("east_rep").queryParam("applied", "1").queryParam("q", "筛选").queryParam("c0.field", "revenue")
                .queryParam("c0.op", "gte").queryParam("c0.value", "100").get(BASE).then().statusCode(200)
                .body(containsString("筛选甲"), containsString("筛选乙"), not(containsString("筛选丙")),
                        // the bar shows the condition again, with the number field's operators
                        containsString("<option value=\"revenue\" selected>年营收(万元)</option>"),
                        containsString("<option value=\"gte\" selected>大于等于</option>"), containsString("value=\"100\""),
                        not(containsString("<option value=\"contains\"")));
        page("east_rep").queryParam("applied", "1").queryParam("q", "筛选").queryParam("c0.field", "revenue")
                .queryParam("c0.op", "gte").queryParam("c0.value", "100").queryParam("c1.field", "industry")
                .queryParam("c1.op", "eq").queryParam("c1.value", "it").get(BASE).then().statusCode(200)
                .body(containsString("筛选甲"), not(containsString("筛选乙")), not(containsString("筛选丙")),
                        containsString("<option value=\"it\" selected>信息技术</option>"));
        // a list for "is any of": ticked options
        page("east_rep").queryParam("applied", "1").queryParam("q", "筛选").queryParam("c0.field", "industry")
                .queryParam("c0.op", "in").queryParam("c0.value", "retail").get(BASE).then().statusCode(200)
                .body(containsString("筛选乙"), not(containsString("筛选甲")), containsString("value=\"retail\" checked"));
        // a half-filled condition is left out rather than refused
        page("east_rep").queryParam("applied", "1").queryParam("q", "筛选").queryParam("c0.field", "revenue")
                .queryParam("c0.op", "gt").get(BASE).then().statusCode(200).body(containsString("筛选丙"));
        // a value the field cannot read is explained, by the condition's number
        page("east_rep").header("HX-Request", "true").queryParam("applied", "1").queryParam("c0.field", "revenue")
                .queryParam("c0.op", "gt").queryParam("c0.value", "很多").get(BASE).then().statusCode(200)
                .body(containsString("条件 1：应为数字"), not(containsString("<html")));

        // the bar's rows: a new one after the posted ones, or one refitted to a newly chosen field
        page("east_rep").queryParam("c0.field", "revenue").queryParam("c2.field", "name").get(BASE + "/filter-row").then()
                .statusCode(200).body(containsString("name=\"c3.field\""), not(containsString("<html")));
        page("east_rep").queryParam("i", 0).queryParam("reset", "1").queryParam("c0.field", "industry").queryParam("c0.op", "gte")
                .queryParam("c0.value", "100").get(BASE + "/filter-row").then().statusCode(200)
                .body(containsString("<option value=\"eq\" selected>等于</option>"), containsString("<option value=\"retail\">零售</option>"),
                        not(containsString("value=\"100\"")));
        page("east_rep").queryParam("i", 0).queryParam("c0.field", "revenue").queryParam("c0.op", "between")
                .get(BASE + "/filter-row").then().body(containsString("placeholder=\"从\""), containsString("placeholder=\"到\""));
    }

    @Test
    void headersSortAndSortedPagesContinueFromTheCursor() {
        create("east_rep", "{\"name\":\"排序B\",\"revenue\":200}");
        create("east_rep", "{\"name\":\"排序A\",\"revenue\":100}");
        create("east_rep", "{\"name\":\"排序C\",\"revenue\":300}");

        String asc = page("east_rep").queryParam("applied", "1").queryParam("q", "排序").queryParam("sort", "revenue").get(BASE)
                .then().statusCode(200).body(containsString("aria-sort=\"ascending\"")).extract().asString();
        assertTrue(asc.indexOf("排序A") < asc.indexOf("排序B") && asc.indexOf("排序B") < asc.indexOf("排序C"), asc);
        // the header leads on to descending, and the hidden sort keeps it for the next search
        assertTrue(asc.contains("sort=-revenue"), asc);
        assertTrue(asc.contains("id=\"grid-sort\" name=\"sort\" value=\"revenue\" form=\"grid-filters\""), asc);

        String desc = page("east_rep").queryParam("applied", "1").queryParam("q", "排序").queryParam("sort", "-revenue").get(BASE)
                .then().statusCode(200).body(containsString("aria-sort=\"descending\"")).extract().asString();
        assertTrue(desc.indexOf("排序C") < desc.indexOf("排序B") && desc.indexOf("排序B") < desc.indexOf("排序A"), desc);

        String first = page("east_rep").queryParam("applied", "1").queryParam("q", "排序").queryParam("sort", "-revenue")
                .queryParam("limit", 2).get(BASE).then().statusCode(200).extract().asString();
        Matcher more = Pattern.compile("hx-get=\"(/forms/" + FORM + "\\?[^\"]*cursor=[^\"]*)\"").matcher(first);
        assertTrue(more.find(), first);
        page("east_rep").header("HX-Request", "true").urlEncodingEnabled(false).get(more.group(1).replace("&amp;", "&")).then()
                .statusCode(200).body(containsString("排序A"), not(containsString("排序C")), not(containsString("<table")));
    }

    @Test
    void pickedColumnsAndSavedViewsBelongToTheirUser() {
        create("west_rep", "{\"name\":\"视图大客户\",\"revenue\":500,\"industry\":\"it\"}");
        create("west_rep", "{\"name\":\"视图小客户\",\"revenue\":5}");

        htmx("west_rep").formParam("col", "name").formParam("col", "revenue").formParam("applied", "1")
                .post(BASE + "/columns").then().statusCode(200)
                .body(containsString("data-label=\"年营收(万元)\""), not(containsString("data-label=\"行业\"")), not(containsString("<html")));
        page("west_rep").get(BASE).then().statusCode(200)
                .body(not(containsString("data-label=\"行业\"")), containsString("value=\"industry\"> <span>行业</span>"),
                        containsString("value=\"revenue\" checked"));
        page("root_admin").get(BASE).then().body(containsString("data-label=\"行业\""));

        // save what is shown as a view: filter, sort and columns
        var saved = htmx("west_rep").formParam("viewName", "大客户").formParam("applied", "1").formParam("c0.field", "revenue")
                .formParam("c0.op", "gte").formParam("c0.value", "100").formParam("sort", "-revenue")
                .formParam("col", "name").formParam("col", "industry").post(BASE + "/views");
        saved.then().statusCode(200).header("HX-Redirect", matchesPattern(BASE + "\\?view=\\d+"));
        String view = saved.header("HX-Redirect").replaceAll(".*view=", "");

        page("west_rep").queryParam("view", view).get(BASE).then().statusCode(200)
                .body(containsString("视图大客户"), not(containsString("视图小客户")), containsString("<option value=\"" + view + "\" selected>大客户</option>"),
                        containsString("data-label=\"行业\""), not(containsString("data-label=\"年营收(万元)\"")),
                        containsString("id=\"grid-sort\" name=\"sort\" value=\"-revenue\""), containsString("name=\"view\" value=\"" + view + "\""));
        // another user's view is not theirs to see: the grid ignores it
        page("root_admin").queryParam("view", view).get(BASE).then().statusCode(200)
                .body(not(containsString(">大客户</option>")), containsString("视图小客户"));
        // a name is required
        htmx("west_rep").formParam("viewName", " ").post(BASE + "/views").then().statusCode(400).body(containsString("请填写视图名称"));

        htmx("east_rep").post(BASE + "/views/" + view + "/delete").then().statusCode(200);
        page("west_rep").get(BASE).then().body(containsString(">大客户</option>"));
        htmx("west_rep").post(BASE + "/views/" + view + "/delete").then().statusCode(200).header("HX-Redirect", equalTo(BASE));
        page("west_rep").get(BASE).then().body(not(containsString(">大客户</option>")));
        htmx("west_rep").formParam("col", "name").formParam("col", "revenue").formParam("col", "visits").formParam("col", "industry")
                .formParam("col", "score").formParam("col", "approval_status").post(BASE + "/columns").then().statusCode(200);
    }

    @Test
    void aCellIsEditedInPlaceWithTheRowsVersion() {
        int id = create("east_rep", "{\"name\":\"行内编辑\",\"revenue\":10}");
        String cell = BASE + "/records/" + id + "/cells/revenue";

        page("east_rep").queryParam("version", 1).get(cell).then().statusCode(200)
                .body(containsString("hx-patch=\"" + cell + "\""), containsString("name=\"version\" value=\"1\""),
                        containsString("name=\"value\" value=\"10\""));
        htmx("east_rep").formParam("version", "1").formParam("value", "300").patch(cell).then().statusCode(200)
                .body(containsString("<tr id=\"row-" + id + "\" data-version=\"2\""), containsString(">300<"),
                        containsString("tier-badge tier-1\">A<"), containsString(">120<")); // score 300 * 0.4

        // a stale version: the conflict, the current value, and the editor again at the current version
        htmx("east_rep").formParam("version", "1").formParam("value", "50").patch(cell).then().statusCode(409)
                .header("HX-Retarget", "closest td")
                .body(containsString("记录已被他人修改（您读取的是第 1 版，当前为第 2 版）"), containsString("当前值：300"),
                        containsString("name=\"version\" value=\"2\""), containsString("value=\"50\""));
        htmx("east_rep").formParam("version", "2").formParam("value", "很多").patch(cell).then().statusCode(400)
                .body(containsString("应为数字"), containsString("value=\"很多\""));
        htmx("east_rep").formParam("version", "2").formParam("value", "retail").patch(BASE + "/records/" + id + "/cells/industry")
                .then().statusCode(200).body(containsString(">零售<"));
        api("east_rep").get("/api/forms/" + FORM + "/records/" + id).then().body("version", equalTo(3), "values.industry", equalTo("retail"));

        // computed fields are not edited in place; cancelling puts the cell back
        page("east_rep").get(BASE + "/records/" + id + "/cells/score").then().statusCode(404);
        page("east_rep").get(cell + "/view").then().statusCode(200).body(containsString("id=\"cell-" + id + "-revenue\""),
                containsString(">300<"));
    }

    @Test
    void exportLinksCarryTheGridsStateAndTheTrashRestores() {
        create("east_rep", "{\"name\":\"导出甲\",\"revenue\":400}");
        create("east_rep", "{\"name\":\"导出乙\",\"revenue\":40}");
        String html = page("east_rep").queryParam("applied", "1").queryParam("q", "导出").queryParam("c0.field", "revenue")
                .queryParam("c0.op", "gt").queryParam("c0.value", "100").queryParam("sort", "-revenue").get(BASE)
                .then().statusCode(200).extract().asString();
        Matcher csv = Pattern.compile("href=\"(/api/forms/" + FORM + "/export\\?format=csv[^\"]*)\"").matcher(html);
        assertTrue(csv.find(), html);
        String url = csv.group(1).replace("&amp;", "&");
        assertTrue(url.contains("&sort=-revenue") && url.contains("&q=") && url.contains("&fields=name%2Crevenue"), url);
        String file = api("east_rep").urlEncodingEnabled(false).get(url).then().statusCode(200).extract().asString();
        assertTrue(file.contains("导出甲") && !file.contains("导出乙"), file);

        int id = create("east_rep", "{\"name\":\"回收站客户\"}");
        htmx("east_rep").post(BASE + "/records/" + id + "/delete").then().statusCode(200)
                .body(containsString("hx-swap-oob=\"true\""), containsString("已移入回收站"));
        page("east_rep").queryParam("q", "回收站客户").get(BASE).then().body(not(containsString("row-" + id)));
        page("east_rep").get(BASE + "/trash").then().statusCode(200)
                .body(containsString("回收站客户"), containsString(BASE + "/records/" + id + "/restore"), containsString("删除时间"),
                        not(containsString("href=\"" + BASE + "/records/" + id + "\"")));
        page("west_rep").get(BASE + "/trash").then().statusCode(200).body(not(containsString("回收站客户")));

        htmx("east_rep").post(BASE + "/records/" + id + "/restore").then().statusCode(200).body(containsString("已恢复"));
        page("east_rep").queryParam("q", "回收站客户").get(BASE).then().body(containsString("row-" + id));

        // without htmx: the record page's button, back to the list with a message
        PageClient.post("east_rep").post(BASE + "/records/" + id + "/delete").then().statusCode(303)
                .header("Location", matchesPattern(".*" + BASE + "$"));
        assertEquals(404, api("east_rep").get("/api/forms/" + FORM + "/records/" + id).statusCode());
    }
}
