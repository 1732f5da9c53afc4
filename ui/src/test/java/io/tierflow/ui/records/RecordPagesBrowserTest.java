package io.tierflow.ui.records;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static io.tierflow.ui.testing.BrowserSession.named;

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
import io.restassured.http.ContentType;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import io.tierflow.ui.testing.BrowserSession;
import io.tierflow.ui.testing.CustomerForms;

/**
 * A sales rep works a customer through the pages in a real browser: create (one typo first), find it in
 * the list, open and edit it, and see the tier-A approval start. Screenshots go to target/screenshots.
 */
@QuarkusTest
class RecordPagesBrowserTest {

    static final String FORM = "ui_rec_browser";
    static final String LONG_NAME = "浙江省杭州市西湖区云栖小镇智慧零售供应链管理集团有限公司";

    @TestHTTPResource("/")
    URL base;

    @Inject
    UserDirectory users;

    @BeforeEach
    void customers() {
        if (CustomerForms.ensure(users, FORM)) {
            for (String values : new String[] {
                    "{\"name\":\"温州小商品城\",\"revenue\":20,\"visits\":1,\"industry\":\"retail\"}",
                    "{\"name\":\"" + LONG_NAME + "\",\"revenue\":90,\"visits\":3,\"industry\":\"retail\"}",
                    "{\"name\":\"宁波港信息技术\",\"revenue\":120,\"visits\":8,\"industry\":\"it\"}" }) {
                CustomerForms.create("east_rep", FORM, values);
            }
        }
    }

    @Test
    void aRepCreatesFindsAndEditsACustomer() {
        try (BrowserSession s = BrowserSession.open(base)) {
            Page page = s.page();
            page.navigate("/forms");
            s.login("east_rep", TestUsers.PASSWORD);
            assertThat(page).hasURL(Pattern.compile("/forms$"));
            s.screenshot("forms-list");

            page.locator("a.form-card[href='/forms/" + FORM + "']").click();
            assertThat(page.locator("h1")).hasText("客户");
            assertThat(page.locator("#record-rows tr")).hasCount(3);
            s.screenshot("records-list-before");

            page.getByRole(AriaRole.LINK, named("新建")).click();
            assertThat(page).hasURL(Pattern.compile("/forms/" + FORM + "/new$"));
            page.locator("#v-name").fill("苏州工业园区精密制造有限公司");
            page.locator("#v-revenue").fill("三百万");
            page.locator("#v-visits").fill("6");
            page.locator("#v-industry").selectOption("it");
            page.getByRole(AriaRole.BUTTON, named("保存")).click();

            assertThat(page.locator("#v-revenue-error")).hasText("应为数字，例如 1200 或 12.5。");
            assertThat(page.locator("#v-revenue")).hasValue("三百万");
            assertThat(page.locator("#v-revenue")).isFocused();
            assertThat(page.locator("#v-name")).hasValue("苏州工业园区精密制造有限公司");
            assertThat(page.locator("#v-industry")).hasValue("it");
            s.screenshot("record-new-error");

            page.locator("#v-revenue").fill("300");
            page.getByRole(AriaRole.BUTTON, named("保存")).click();
            assertThat(page).hasURL(Pattern.compile("/forms/" + FORM + "/records/\\d+$"));
            assertThat(page.locator(".flash-success")).hasText("已保存");
            assertThat(page.locator("h1")).hasText("苏州工业园区精密制造有限公司");
            assertThat(page.locator(".record-head .tier-badge")).hasText("A");
            assertThat(page.locator("#v-score")).hasText("138"); // 300 * 0.4 + 6 * 3
            String recordUrl = page.url();

            page.getByRole(AriaRole.LINK, named("客户")).click();
            Locator row = page.locator("#record-rows tr", new Page.LocatorOptions().setHasText("苏州工业园区精密制造有限公司"));
            assertThat(row.locator(".tier-badge")).hasText("A");
            assertThat(row).containsText("信息技术");
            s.screenshot("records-list");

            // the search swaps only the results (htmx) and puts the filter in the address bar
            page.locator("#records-q").fill("宁波");
            assertThat(page).hasURL(Pattern.compile("q=%E5%AE%81%E6%B3%A2"));
            assertThat(page.locator("#record-rows tr")).hasCount(1);
            assertThat(page.locator("#record-rows")).containsText("宁波港信息技术");
            page.locator("#records-q").fill("");
            page.locator("#records-tier").selectOption("A");
            assertThat(page).hasURL(Pattern.compile("q=&tier=A$"));
            assertThat(page.locator("#record-rows")).not().containsText("宁波港"); // it scores 72, a B
            assertThat(page.locator("#record-rows tr")).hasCount(1);
            assertThat(page.locator("#record-rows")).containsText("苏州工业园区精密制造有限公司");
            s.screenshot("records-list-tier-a");

            page.navigate(recordUrl);
            page.locator("#v-visits").fill("10");
            page.getByRole(AriaRole.BUTTON, named("保存修改")).click();
            assertThat(page.locator(".flash-success")).hasText("已保存");
            assertThat(page.locator(".record-version")).hasText("第 2 版");
            assertThat(page.locator("#v-visits")).hasValue("10");
            assertThat(page.locator("#v-score")).hasText("150");

            // the tier-A save started an approval through the journal; it shows up in the history
            for (int i = 0; i < 40 && page.locator(".process").count() == 0; i++) {
                page.waitForTimeout(500);
                page.reload();
            }
            assertThat(page.locator(".process").first()).containsText("审批中");
            assertThat(page.locator(".step").first()).containsText("east_mgr");
            s.screenshot("record-page");

            // the manager saves in between; the rep's stale save shows what is there now and what they typed
            String id = recordUrl.substring(recordUrl.lastIndexOf('/') + 1);
            given().cookie("tierflow_session", TestUsers.login("east_mgr")).contentType(ContentType.JSON)
                    .body("{\"version\":2,\"values\":{\"visits\":12}}").patch("/api/forms/" + FORM + "/records/" + id)
                    .then().statusCode(200);
            page.locator("#v-revenue").fill("310");
            page.getByRole(AriaRole.BUTTON, named("保存修改")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("记录已被他人修改（您读取的是第 2 版，当前为第 3 版）");
            assertThat(page.locator(".unsaved")).containsText("310");
            assertThat(page.locator("#v-visits")).hasValue("12");
            assertThat(page.locator("#v-revenue")).hasValue("300");
            s.screenshot("record-conflict");

            // the manager approves with a comment; the history shows the decision and who wrote what
            String manager = TestUsers.login("east_mgr");
            String task = given().cookie("tierflow_session", manager).get("/api/tasks").then().statusCode(200).extract()
                    .jsonPath().getString("find { it.recordId == " + id + " && it.formKey == '" + FORM + "' }.id");
            given().cookie("tierflow_session", manager).contentType(ContentType.JSON).body("{\"comment\":\"战略客户，同意跟进。\"}")
                    .post("/api/tasks/" + task + "/approve").then().statusCode(200);
            page.navigate(recordUrl); // a GET: reloading the conflict page would post the stale form again
            // the decision reaches the history first, the record (approval_status, via the journal) a moment later
            // the status is written by the platform only, so it is shown read-only
            for (int i = 0; i < 40 && !page.locator("#v-approval_status").textContent().contains("已通过"); i++) {
                page.waitForTimeout(500);
                page.reload();
            }
            assertThat(page.locator(".process-head")).containsText("已通过");
            assertThat(page.locator(".step-comment")).containsText("战略客户，同意跟进。");
            assertThat(page.locator(".record-version")).hasText("第 4 版");
            s.screenshot("record-approved");
        }
    }

    /** The card alone as target/screenshots/{name}.png; the sticky top bar would cover a card taller than the window. */
    static void cardShot(Page page, Locator card, String name) {
        page.addStyleTag(new Page.AddStyleTagOptions().setContent(".topbar { position: static !important; }"));
        card.screenshot(new Locator.ScreenshotOptions().setPath(BrowserSession.SCREENSHOTS.resolve(name + ".png")));
    }

    /**
     * The tier card of a form whose model has a weighted score, RFM, stages and tags, for a record the model
     * puts in A and for one a trigger set to B for 30 days. Screenshots: record-tier-card*.png (the card alone).
     */
    @Test
    void theTierCardExplainsScoresAndAnOverride() {
        String form = "ui_rec_tiercard";
        String manager = TestUsers.login("east_mgr");
        if (given().cookie("tierflow_session", manager).get("/api/forms/" + form).statusCode() == 404) {
            FormFixtures.createCustomerForm(manager, form);
            given().cookie("tierflow_session", manager).contentType(ContentType.JSON).body(TierCardPagesTest.TRIGGERS)
                    .put("/api/forms/" + form + "/triggers").then().statusCode(200);
            for (String values : new String[] {
                    "{\"name\":\"义乌小商品\",\"revenue\":80,\"visits\":0}",
                    "{\"name\":\"温州五金\",\"revenue\":300,\"visits\":2}",
                    "{\"name\":\"宁波港物流\",\"revenue\":900,\"visits\":4}",
                    "{\"name\":\"杭州云栖科技\",\"revenue\":2600,\"visits\":8}",
                    "{\"name\":\"苏州精密制造\",\"revenue\":1800,\"visits\":3}" }) {
                given().cookie("tierflow_session", manager).contentType(ContentType.JSON).body("{\"values\":" + values + "}")
                        .post("/api/forms/" + form + "/records").then().statusCode(201);
            }
            int version = given().cookie("tierflow_session", manager).contentType(ContentType.JSON)
                    .body("{\"tierModel\":" + TierCardPagesTest.MODEL + "}").post("/api/forms/" + form + "/rules")
                    .then().statusCode(201).extract().jsonPath().getInt("version");
            given().cookie("tierflow_session", manager).post("/api/forms/" + form + "/rules/" + version + "/simulate").then().statusCode(200);
            given().cookie("tierflow_session", manager).post("/api/forms/" + form + "/rules/" + version + "/publish").then().statusCode(200);
        }
        try (BrowserSession s = BrowserSession.open(base)) {
            Page page = s.page();
            page.navigate("/forms/" + form);
            s.login("east_mgr", TestUsers.PASSWORD);
            Locator row = page.locator("#record-rows tr", new Page.LocatorOptions().setHasText("杭州云栖科技"));
            assertThat(row.locator(".badge-stage")).hasText("活跃");
            assertThat(row.locator(".badge-tag")).hasText("big_spender");
            s.screenshot("records-list-stage-tags");

            row.locator("a").first().click();
            Locator card = page.locator(".tier-why");
            assertThat(card.locator(".card-title")).hasText("为什么是 A 层");
            assertThat(page.locator(".record-head .badge-stage")).hasText("活跃");
            assertThat(card.locator(".why-score")).hasCount(2);
            assertThat(card.locator(".why-score").first().locator(".why-score-total")).hasText("88"); // 100 × 40 % + 80 × 60 %
            assertThat(card.locator(".why-score").first().locator(".why-seg")).hasCount(2);
            assertThat(card.locator(".why-quintiles").first()).containsText("基于 5 条记录");
            assertThat(card.locator(".why-rule.is-decisive")).containsText("value_score >= 60");
            cardShot(page, card, "record-tier-card");
            s.screenshot("record-page-scores");

            // a trigger sets the tier to B for 30 days: the card says so, with the model's own tier
            page.locator("#v-industry").selectOption("it");
            page.getByRole(AriaRole.BUTTON, named("保存修改")).click();
            assertThat(page.locator(".flash-success")).hasText("已保存");
            // the journal applies it a moment after the save; the page may be read while it does
            for (int i = 0; i < 40 && !"B".equals(page.locator(".record-head .tier-badge").textContent()); i++) {
                page.waitForTimeout(500);
                page.reload();
            }
            assertThat(page.locator(".record-head .tier-badge")).hasText("B");
            assertThat(card.locator(".why-pin")).containsText("人工/规则指定为 B");
            assertThat(card.locator(".why-pin")).containsText("原因：战略行业，模型结果 A");
            assertThat(page.locator(".record-head .badge-pin")).containsText("指定至");
            cardShot(page, card, "record-tier-card-override");
        }
        try (BrowserSession s = BrowserSession.openPhone(base)) {
            Page page = s.page();
            page.navigate("/forms/" + form);
            s.login("east_mgr", TestUsers.PASSWORD);
            page.locator("#record-rows tr", new Page.LocatorOptions().setHasText("杭州云栖科技")).locator("a").first().click();
            assertThat(page.locator(".tier-why .why-pin")).isVisible();
            cardShot(page, page.locator(".tier-why"), "record-tier-card-phone");
        }
    }

    @Test
    void phoneLayout() {
        try (BrowserSession s = BrowserSession.openPhone(base)) {
            Page page = s.page();
            page.navigate("/forms/" + FORM);
            s.login("east_rep", TestUsers.PASSWORD);
            assertThat(page.locator("#record-rows tr").first()).isVisible();
            s.screenshot("records-list-phone");

            // keyset paging: "more" appends the next page's rows in place
            page.navigate("/forms/" + FORM + "?limit=2");
            Locator records = page.locator("#record-rows tr:not(.more-row)");
            assertThat(records).hasCount(2);
            s.screenshot("records-more-phone");
            page.getByRole(AriaRole.LINK, named("加载更多")).click();
            assertThat(records).not().hasCount(2);
            assertThat(records.nth(2)).isVisible();
            page.locator("#record-rows tr", new Page.LocatorOptions().setHasText(LONG_NAME)).locator("a").click();
            assertThat(page.locator("h1")).hasText(LONG_NAME);
            s.screenshot("record-page-phone");
            page.navigate("/forms/" + FORM + "/new");
            page.getByRole(AriaRole.BUTTON, named("保存")).click();
            assertThat(page.locator("#v-name-error")).isVisible();
            s.screenshot("record-new-phone");
        }
    }

    @Test
    void englishPages() {
        try (BrowserSession s = BrowserSession.open(base, 1280, 800, "en-US")) {
            Page page = s.page();
            page.navigate("/forms/" + FORM);
            s.login("east_rep", TestUsers.PASSWORD);
            assertThat(page.locator("#records-tier option").first()).hasText("All tiers");
            s.screenshot("records-list-en");
            page.getByRole(AriaRole.LINK, named("New")).click();
            page.locator("#v-revenue").fill("-1");
            page.getByRole(AriaRole.BUTTON, named("Save")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("Please fix the 2 fields marked below.");
            assertThat(page.locator("#v-revenue-error")).hasText("Must be at least 0.");
            s.screenshot("record-new-error-en");
        }
    }
}
