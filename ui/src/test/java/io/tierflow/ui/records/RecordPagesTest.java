package io.tierflow.ui.records;

import static io.tierflow.ui.testing.PageClient.api;
import static io.tierflow.ui.testing.PageClient.page;
import static io.tierflow.ui.testing.PageClient.post;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.ui.testing.CustomerForms;
import io.tierflow.ui.web.Flash;

/** The form and record pages over HTTP, as a browser without JavaScript would use them, on the real database. */
@QuarkusTest
class RecordPagesTest {

    static final String FORM = "ui_rec_customer";
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

    @Test
    void formsListLeadsToEachForm() {
        page("east_rep").get("/forms").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("href=\"" + BASE + "\""), containsString("6 个字段"), containsString(">客户<"));
    }

    @Test
    void listShowsOnlyVisibleRecordsWithLabelsAndTiers() {
        create("east_rep", "{\"name\":\"东区列表甲\",\"revenue\":300,\"industry\":\"retail\"}");
        create("east_rep", "{\"name\":\"东区列表乙\",\"revenue\":10}");
        create("west_rep", "{\"name\":\"西区列表丙\",\"revenue\":500}");

        page("east_rep").get(BASE).then().statusCode(200)
                .body(containsString("东区列表甲"), containsString("东区列表乙"), not(containsString("西区列表丙")),
                        containsString(">客户名称<span class=\"sort-mark\""), containsString(">层级<span class=\"sort-mark\""),
                        containsString(">零售<"), not(containsString(">retail<")), // option label, not key
                        containsString("tier-badge tier-1\">A<"), containsString("tier-badge tier-3\">C<"),
                        containsString("href=\"" + BASE + "/new\""));
        page("east_mgr").get(BASE).then().body(containsString("东区列表甲"), not(containsString("西区列表丙")));
        page("root_admin").get(BASE).then().body(containsString("东区列表甲"), containsString("西区列表丙"));

        // search and tier filter; htmx gets only the results, without the layout
        page("east_rep").queryParam("q", "列表乙").get(BASE).then()
                .body(containsString("东区列表乙"), not(containsString("东区列表甲")), containsString("value=\"列表乙\""));
        page("east_rep").header("HX-Request", "true").queryParam("tier", "A").get(BASE).then().statusCode(200)
                .body(not(containsString("<html")), containsString("东区列表甲"), not(containsString("东区列表乙")));
        page("east_rep").queryParam("q", "没有这个客户").get(BASE).then().body(containsString("没有符合筛选条件的记录"));
    }

    @Test
    void moreLoadsTheNextKeysetPage() {
        int older = create("east_rep", "{\"name\":\"分页旧\"}");
        int newer = create("east_rep", "{\"name\":\"分页新\"}");
        String first = page("east_rep").queryParam("q", "分页").queryParam("limit", 1).get(BASE).then().statusCode(200)
                .body(containsString("分页新"), not(containsString("分页旧")), containsString("加载更多"))
                .extract().asString();
        String more = BASE + "?q=%E5%88%86%E9%A1%B5&amp;limit=1&amp;after=" + newer;
        assertEquals(true, first.contains("hx-get=\"" + more + "\""), first);
        page("east_rep").header("HX-Request", "true").urlEncodingEnabled(false).get(more.replace("&amp;", "&")).then().statusCode(200)
                .body(containsString("<tr id=\"row-" + older + "\""), containsString("href=\"" + BASE + "/records/" + older + "\""),
                        not(containsString("<table")), not(containsString("分页新")));
    }

    @Test
    void createRefusesBadValuesUnderEachFieldAndKeepsThem() {
        page("east_rep").get(BASE + "/new").then().statusCode(200)
                .body(containsString("name=\"values.name\""), containsString("inputmode=\"decimal\""),
                        containsString("<option value=\"it\">信息技术</option>"),
                        not(containsString("name=\"values.score\"")), containsString("保存后自动计算"),
                        containsString("class=\"required\""));

        Response refused = post("east_rep").formParam("values.name", "").formParam("values.revenue", "很多")
                .formParam("values.visits", "-3").formParam("values.industry", "it").post(BASE + "/records");
        refused.then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("请修正下面标出的 2 处错误"),
                        containsString("<p class=\"field-error\" id=\"v-name-error\">“客户名称”为必填项。</p>"),
                        containsString("<p class=\"field-error\" id=\"v-revenue-error\">应为数字，例如 1200 或 12.5。</p>"),
                        containsString("value=\"很多\""), containsString("value=\"-3\""),
                        containsString("<option value=\"it\" selected>信息技术</option>"));

        Response saved = post("east_rep").formParam("values.name", "页面新建客户").formParam("values.revenue", "250")
                .formParam("values.visits", "").formParam("values.industry", "it").post(BASE + "/records");
        saved.then().statusCode(303).header("Location", matchesPattern(".*" + BASE + "/records/\\d+$"));
        assertEquals("success:ui.records.saved", saved.cookie(Flash.COOKIE).replace("\"", "")); // NewCookie quotes values with ':'

        String location = saved.header("Location");
        page("east_rep").get(location.substring(location.indexOf("/forms/"))).then().statusCode(200)
                .body(containsString("<h1>页面新建客户</h1>"), containsString("value=\"250\""), containsString(">100<"), // score 250*0.4
                        containsString("tier-badge tier-badge-lg tier-1\""), containsString("第 1 版"),
                        containsString("name=\"version\" value=\"1\""), containsString("审批记录"));
    }

    @Test
    void aStaleSaveShowsTheConflictAndTheCurrentValues() {
        int id = create("east_rep", "{\"name\":\"并发客户\",\"revenue\":50}");
        api("east_mgr").body("{\"version\":1,\"values\":{\"revenue\":60}}").patch("/api/forms/" + FORM + "/records/" + id)
                .then().statusCode(200);

        post("east_rep").formParam("version", "1").formParam("values.name", "并发客户").formParam("values.revenue", "70")
                .post(BASE + "/records/" + id)
                .then().statusCode(409).contentType(startsWith("text/html"))
                .body(containsString("记录已被他人修改（您读取的是第 1 版，当前为第 2 版）"),
                        containsString("name=\"version\" value=\"2\""), containsString("value=\"60\""),
                        containsString("<li><span class=\"unsaved-label\">年营收(万元)</span>70</li>"));

        post("east_rep").formParam("version", "2").formParam("values.name", "并发客户").formParam("values.revenue", "x")
                .post(BASE + "/records/" + id)
                .then().statusCode(400).body(containsString("id=\"v-revenue-error\""), containsString("value=\"x\""),
                        containsString("name=\"version\" value=\"2\""));
        post("east_rep").formParam("values.name", "并发客户").post(BASE + "/records/" + id) // a form without its version
                .then().statusCode(400).body(containsString("请提交读取时的版本号"));
        post("east_rep").formParam("version", "2").formParam("values.name", "并发客户").formParam("values.revenue", "70")
                .post(BASE + "/records/" + id)
                .then().statusCode(303).header("Location", endsWith(BASE + "/records/" + id));
        api("east_rep").get("/api/forms/" + FORM + "/records/" + id).then().body("version", org.hamcrest.Matchers.equalTo(3));
    }

    @Test
    void anotherTeamsRecordIsNotFound() {
        int id = create("east_rep", "{\"name\":\"东区私有\"}");
        page("west_rep").get(BASE + "/records/" + id).then().statusCode(404).contentType(startsWith("text/html"))
                .body(allOf(containsString("class=\"status-code\">404"), containsString("记录 " + id + " 不存在"),
                        not(containsString("东区私有"))));
        post("west_rep").formParam("version", "1").formParam("values.name", "抢过来").post(BASE + "/records/" + id)
                .then().statusCode(404);
        page("east_rep").get("/forms/no_such_form").then().statusCode(404).contentType(startsWith("text/html"));
        api("east_rep").get("/api/forms/" + FORM + "/records/" + id).then().body("values.name", org.hamcrest.Matchers.equalTo("东区私有"));
    }
}
