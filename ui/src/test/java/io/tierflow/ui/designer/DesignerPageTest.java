package io.tierflow.ui.designer;

import static io.restassured.RestAssured.given;
import static io.tierflow.ui.testing.PageClient.api;
import static io.tierflow.ui.testing.PageClient.page;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import io.tierflow.ui.testing.PageClient;
import io.tierflow.ui.web.Csrf;

/** The designer's pages and preview over HTTP, and the record pages honouring a stored layout. */
@QuarkusTest
class DesignerPageTest {

    static final String FORM = "ui_design_page";

    @Inject
    UserDirectory users;

    @BeforeEach
    void customerForm() {
        FormFixtures.people(users);
        if (api("east_mgr").get("/api/forms/" + FORM).statusCode() == 404) {
            FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), FORM);
        }
    }

    /** A JSON page request with the session and the CSRF token, as designer.js sends it. */
    static RequestSpecification script(String user) {
        String token = PageClient.csrfToken();
        return given().cookie("tierflow_session", PageClient.login(user, TestUsers.PASSWORD)).cookie(Csrf.COOKIE, token)
                .header(Csrf.HEADER, token).contentType("application/json").accept("text/html").redirects().follow(false);
    }

    @Test
    void buildersGetTheDesignerWithEveryTypeFromItsOwnDescription() {
        page("east_mgr").get("/forms/new/design").then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("<h1>新建表单</h1>"), containsString("data-type=\"text\""), containsString(">单行文本</li>"),
                        containsString("data-type=\"formula\""), containsString(">金额</li>"),
                        containsString("/webjars/sortablejs/1.15.6/Sortable.min.js"), containsString("/js/designer.js"),
                        containsString("id=\"designer-data\""),
                        // settings by kind, labels in the user's language, choice values with their labels
                        containsString("\"kind\":\"choice:CNY|USD|EUR|HKD|JPY\""), containsString("\"label\":\"人民币 (CNY)\""),
                        containsString("\"name\":\"defaultFormula\""), containsString("\"tab.first\":\"基本信息\""),
                        not(containsString("cdn"))));
        page("root_admin").get("/forms/new/design").then().statusCode(200);
    }

    @Test
    void anExistingFormOpensWithItsFieldsAndLayoutAndUserTextCannotCloseTheScript() {
        api("east_mgr").body("{\"key\":\"ui_design_xss\",\"name\":\"</script><b>x\",\"fields\":[{\"key\":\"n\",\"label\":\"</script>\",\"type\":\"text\"}]}")
                .post("/api/forms").then().statusCode(201);
        page("east_mgr").get("/forms/ui_design_xss/design").then().statusCode(200)
                .body(allOf(containsString("\\u003c/script\\u003e"), not(containsString("\"label\":\"</script>\"")),
                        containsString("设计表单：&lt;/script&gt;&lt;b&gt;x")));
        page("east_mgr").get("/forms/" + FORM + "/design").then().statusCode(200)
                .body(allOf(containsString("\"key\":\"" + FORM + "\""), containsString("\"label\":\"年营收(万元)\""),
                        containsString("\"layout\":{\"tabs\":[{"), containsString("href=\"/forms/" + FORM + "\"")));
        page("east_mgr").get("/forms/no_such_form/design").then().statusCode(404);
    }

    @Test
    void salesNeitherSeeNorOpenTheDesigner() {
        page("east_rep").get("/forms/new/design").then().statusCode(403).contentType(startsWith("text/html"));
        page("east_rep").get("/forms/" + FORM + "/design").then().statusCode(403);
        page("east_rep").get("/forms").then().statusCode(200)
                .body(allOf(not(containsString("/forms/new/design")), not(containsString("/design\""))));
        page("east_mgr").get("/forms").then().statusCode(200)
                .body(allOf(containsString("href=\"/forms/new/design\""), containsString("href=\"/forms/" + FORM + "/design\""),
                        containsString("新建表单")));
        script("east_rep").body("{\"fields\":[]}").post("/forms/design/preview").then().statusCode(403);
    }

    @Test
    void thePreviewRendersADraftLikeTheRecordPage() {
        String draft = """
                {"fields":[{"key":"name","label":"客户名称","type":"text","required":true},
                           {"key":"level","label":"级别","type":"single_select","config":{"options":[{"key":"vip","label":"贵宾"},{"key":"std","label":"普通"}]}},
                           {"key":"amount","label":"金额","type":"money","config":{"currency":"CNY"}},
                           {"key":"double","label":"双倍","type":"formula","config":{"formula":"amount * 2"}},
                           {"key":"bad key","label":"坏的","type":"text"},
                           {"key":"x","label":"未知","type":"no_such_type"}],
                 "layout":{"tabs":[{"title":"基本信息","sections":[{"title":"联系方式","columns":3,"fields":["name","level"]}]},
                                   {"title":"经营","sections":[{"title":"金额","columns":1,"fields":["amount","double"]}]}]}}""";
        script("east_mgr").body(draft).post("/forms/design/preview").then().statusCode(200)
                .body(allOf(not(containsString("<html")), containsString("id=\"v-name\""), containsString(">贵宾</option>"),
                        containsString("class=\"unit unit-before\">¥</span>"), containsString("id=\"v-double\""),
                        containsString("form-section cols-3"), containsString(">联系方式</h3>"), containsString("role=\"tab\""),
                        containsString(">经营</button>"), not(containsString("坏的")), not(containsString("未知"))));
        // the preview is a page request: it needs the CSRF token like any other
        given().cookie("tierflow_session", PageClient.login("east_mgr", TestUsers.PASSWORD)).contentType("application/json")
                .accept("text/html").body(draft).post("/forms/design/preview").then().statusCode(403);
        script("east_mgr").body("{\"fields\":[]}").post("/forms/design/preview").then().statusCode(200)
                .body(containsString("还没有字段"));
    }

    @Test
    void recordPagesShowTheLayoutsTabsSectionsAndColumns() {
        api("east_mgr").body("""
                {"tabs":[{"title":"基本信息","sections":[{"title":"联系方式","columns":3,"fields":["name","industry"]}]},
                         {"title":"经营数据","sections":[{"title":"营收","columns":1,"fields":["revenue","visits","score"]}]}]}""")
                .put("/api/forms/" + FORM + "/layout").then().statusCode(200);
        page("east_rep").get("/forms/" + FORM + "/new").then().statusCode(200)
                .body(allOf(containsString("class=\"form-section cols-3\""), containsString(">联系方式</h3>"),
                        containsString("class=\"form-section cols-1\""), containsString(">营收</h3>"),
                        containsString("aria-selected=\"true\" >基本信息</button>".replace(" >", ">")),
                        containsString(">经营数据</button>"), containsString("id=\"v-revenue\""), containsString("/js/form-tabs.js")));
        // a mistake on the second tab opens that tab, marked
        String token = PageClient.csrfToken();
        PageClient.form(token).cookie("tierflow_session", PageClient.login("east_rep", TestUsers.PASSWORD)).accept("text/html")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("values.name", "布局客户").formParam("values.revenue", "很多")
                .post("/forms/" + FORM + "/records").then().statusCode(400)
                .body(allOf(containsString("class=\"form-tab has-error\" role=\"tab\" id=\"form-tab-1-tab\" aria-controls=\"form-tab-1\" aria-selected=\"true\""),
                        containsString("id=\"form-tab-0\" role=\"tabpanel\" aria-labelledby=\"form-tab-0-tab\" hidden")));
        int id = api("east_rep").body("{\"values\":{\"name\":\"布局客户\",\"revenue\":5}}").post("/api/forms/" + FORM + "/records")
                .then().statusCode(201).extract().path("id");
        page("east_rep").get("/forms/" + FORM + "/records/" + id).then().statusCode(200)
                .body(allOf(containsString(">联系方式</h3>"), containsString(">经营数据</button>"), containsString("value=\"布局客户\"")));
        // back to the standard layout: one section, no tabs
        api("east_mgr").body("{\"tabs\":[]}").put("/api/forms/" + FORM + "/layout").then().statusCode(200);
        page("east_rep").get("/forms/" + FORM + "/new").then().statusCode(200)
                .body(allOf(not(containsString("role=\"tab\"")), containsString("class=\"form-section cols-2\"")));
    }
}
