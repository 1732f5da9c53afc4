package io.tierflow.ui.rules;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tierflow.ui.testing.PageClient.api;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.net.URL;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import io.tierflow.ui.testing.BrowserSession;

/**
 * The browser test: a manager opens a new draft of a form's tier model, edits a condition with the
 * formula editor's completion, sees it checked and previewed on a real record as it is typed, simulates the draft
 * (migration matrix with its records, sankey chart) and publishes it. Screenshots: target/screenshots/rules-*.png.
 */
@QuarkusTest
class RulesBrowserTest {

    static final String FORM = "ui_rules_browser";

    @TestHTTPResource("/")
    URL base;

    @Inject
    UserDirectory users;

    @BeforeEach
    void people() {
        FormFixtures.people(users);
    }

    @Test
    void aManagerEditsAConditionSimulatesAndPublishes() {
        RulesPageTest.form(FORM);
        try (BrowserSession s = BrowserSession.open(base)) {
            try {
                run(s);
            } catch (AssertionError | RuntimeException e) {
                s.screenshot("rules-failure");
                throw e;
            }
        }
        // the 60-point customer is an A now (and needs approval), the others kept their tiers
        assertThat(RulesPageTest.tierOf(FORM, "中客户"), equalTo("A"));
        assertThat(RulesPageTest.tierOf(FORM, "小客户"), equalTo("C"));
        api("east_mgr").get("/api/forms/" + FORM + "/rules/2").then().statusCode(200)
                .body("status", equalTo("published")).body("tierModel.rules[0].condition", equalTo("score >= 50"));
    }

    /** A condition over the customer's orders: completed as a related list, checked, and previewed on the customer. */
    @Test
    void aConditionOverRelatedOrdersIsCompletedCheckedAndPreviewed() {
        String customers = "ui_rules_linked";
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), customers);
        api("east_mgr").body("""
                {"key":"ui_rules_order","name":"订单","fields":[
                  {"key":"customer","label":"客户","type":"relation","config":{"form":"ui_rules_linked"}},
                  {"key":"amount","label":"金额","type":"number"}]}""").post("/api/forms").then().statusCode(201);
        int customer = api("east_rep").body("{\"values\":{\"name\":\"订单客户\",\"revenue\":10}}")
                .post("/api/forms/" + customers + "/records").then().statusCode(201).extract().path("id");
        for (int amount : new int[] {600, 500}) {
            api("east_rep").body("{\"values\":{\"customer\":" + customer + ",\"amount\":" + amount + "}}")
                    .post("/api/forms/ui_rules_order/records").then().statusCode(201);
        }
        try (BrowserSession s = BrowserSession.open(base)) {
            Page page = s.page();
            try {
                page.navigate("/forms");
                s.login("east_mgr", TestUsers.PASSWORD);
                page.navigate("/forms/" + customers + "/rules");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+ 新建草稿")).click();
                Locator rule = page.locator("[data-list=rules] > li").first();
                rule.locator(".CodeMirror").click();
                page.keyboard().press("Control+A");
                page.keyboard().press("Backspace");
                page.keyboard().type("SUM(ui_rules_order.am");
                Locator hints = page.locator(".CodeMirror-hints");
                assertThat(hints.locator("li").first()).containsText("ui_rules_order.amount");
                assertThat(hints.locator("li").first()).containsText("关联列表");
                assertThat(hints.locator("li").first()).containsText("金额");
                s.screenshot("rules-related-completion");
                page.keyboard().press("Enter");
                page.keyboard().type(") >= 1000");
                assertThat(rule.locator("textarea[name='rules[0].condition']")).hasValue("SUM(ui_rules_order.amount) >= 1000");
                assertThat(rule.locator(".formula-status")).containsText("✓ 有效，结果是是/否");
                // the latest changed record is the customer its orders just recomputed: 1,100 in orders
                assertThat(rule.locator(".formula-preview")).containsText("在“订单客户”上：是");
                s.screenshot("rules-related-preview");
            } catch (AssertionError | RuntimeException e) {
                s.screenshot("rules-related-failure");
                throw e;
            }
        }
    }

    void run(BrowserSession s) {
        Page page = s.page();
        page.navigate("/forms");
        s.login("east_mgr", TestUsers.PASSWORD);
        page.locator("a[href='/forms/" + FORM + "/rules']").click();
        assertThat(page.locator("h1")).containsText("分层模型：客户");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+ 新建草稿")).click();
        assertThat(page).hasURL(Pattern.compile("/forms/" + FORM + "/rules/2$"));
        assertThat(page.locator(".flash")).containsText("已从生效版本复制出新草稿");

        // the first rule's condition: typed with completion, checked and previewed as it is typed
        Locator rule = page.locator("[data-list=rules] > li").first();
        Locator editor = rule.locator(".CodeMirror");
        assertThat(editor).containsText("score >= 80");
        assertThat(rule.locator(".formula-status")).containsText("有效，结果是是/否");
        editor.click();
        page.keyboard().press("Control+A");
        page.keyboard().press("Backspace");
        page.keyboard().type("sco");
        Locator hints = page.locator(".CodeMirror-hints");
        assertThat(hints).isVisible();
        assertThat(hints.locator("li").first()).containsText("score");
        assertThat(hints.locator("li").first()).containsText("评分");
        s.screenshot("rules-completion");
        page.keyboard().press("Enter");
        page.keyboard().type(" >= 5");
        // a bad formula on the way: the check names the problem
        page.keyboard().type(" &&");
        assertThat(rule.locator(".formula-status")).containsText("✗");
        assertThat(rule.locator(".formula-status")).containsText("第 1 行");
        page.keyboard().press("Backspace");
        page.keyboard().press("Backspace");
        page.keyboard().press("Backspace");
        page.keyboard().type("0");
        assertThat(rule.locator("textarea[name='rules[0].condition']")).hasValue("score >= 50");
        assertThat(rule.locator(".formula-status")).containsText("✓ 有效，结果是是/否 · 读取 score");
        // the latest changed record is the 10万 customer: score 4, so not an A
        assertThat(rule.locator(".formula-preview")).containsText("在“小客户”上：否");

        // functions complete with their signature and description
        Locator dimensionLess = page.locator("[data-list=rules] > li").nth(1).locator(".CodeMirror");
        dimensionLess.click();
        page.keyboard().press("End");
        page.keyboard().type(" && IFN");
        assertThat(hints.locator("li").first()).containsText("IFNULL");
        assertThat(hints.locator(".fh-desc").first()).not().isEmpty();
        page.keyboard().press("Escape");
        for (int i = 0; i < " && IFN".length(); i++) {
            page.keyboard().press("Backspace");
        }
        s.screenshot("rules-editor");

        // simulate: the draft is saved, the simulation loads below it
        page.locator("#rules-simulate").click();
        assertThat(page).hasURL(Pattern.compile("simulate=1"));
        Locator matrix = page.locator("#sim-matrix");
        assertThat(matrix).isVisible();
        assertThat(page.locator("[data-kpi=changed]")).hasText("1");
        assertThat(page.locator("[data-kpi=approvals]")).hasText("1");
        Locator moved = page.locator(".sim-cell.is-moved");
        assertThat(moved).hasCount(1);
        moved.click();
        assertThat(page.locator(".sim-samples:not([hidden])")).containsText("中客户");
        // the sankey is drawn: ECharts' SVG with the tiers' nodes and the flows between them
        Locator sankey = page.locator("#sim-sankey svg");
        assertThat(sankey).isVisible();
        assertThat(page.locator("#sim-sankey svg text").filter(new Locator.FilterOptions().setHasText("A"))).not().hasCount(0);
        assertThat(page.locator("#sim-sankey svg path").count(), greaterThan(4));
        // both sides: each tier now (left) and after publishing (right), labelled with its count
        assertThat(page.locator("#sim-sankey svg text").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^A\u200b?\\s+2$"))))
                .hasCount(1);
        assertThat(page.locator("#sim-sankey svg text").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^B\\s+1$"))))
                .hasCount(1);
        s.screenshot("rules-simulation");

        // publish, after confirming
        page.onceDialog(d -> d.accept());
        page.locator("#rules-publish").click();
        assertThat(page.locator(".flash")).containsText("已发布");
        assertThat(page.locator("h1 .rules-status")).hasText("生效中");
        assertThat(page.locator(".retier-job")).hasAttribute("data-status", "done");
        s.screenshot("rules-published");
    }
}
