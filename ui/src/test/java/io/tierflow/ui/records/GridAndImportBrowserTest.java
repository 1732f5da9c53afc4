package io.tierflow.ui.records;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static io.tierflow.ui.testing.BrowserSession.named;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import io.tierflow.ui.testing.BrowserSession;
import io.tierflow.ui.testing.CustomerForms;

/**
 * The record grid and the import wizard in a real browser: a manager filters by a field's operator, sorts by
 * a header, saves the result as a view, edits a cell in place (and meets a colleague's newer save), then
 * imports a CSV with one bad row: sees the error in the check, imports the good rows in skip mode. Also the
 * relation picker. Screenshots go to target/screenshots.
 */
@QuarkusTest
class GridAndImportBrowserTest {

    static final String FORM = "ui_grid_browser";
    static final String ORDERS = "ui_grid_browser_order";

    @TestHTTPResource("/")
    URL base;

    @Inject
    UserDirectory users;

    @BeforeEach
    void customers() {
        if (CustomerForms.ensure(users, FORM)) {
            String manager = TestUsers.login("east_mgr");
            given().cookie("tierflow_session", manager).contentType(ContentType.JSON).body("""
                    {"key":"%s","name":"订单","fields":[
                      {"key":"title","label":"订单名称","type":"text","required":true},
                      {"key":"customer","label":"客户","type":"relation","config":{"form":"%s"}},
                      {"key":"amount","label":"金额","type":"money"}]}""".formatted(ORDERS, FORM))
                    .post("/api/forms").then().statusCode(201);
            given().cookie("tierflow_session", manager).contentType(ContentType.JSON).body("""
                    [{"id":"big","name":"大客户提醒","when":"update","fields":["revenue"],"condition":"revenue >= 200",
                      "actions":[{"type":"notify","to":"manager","message":"出现大客户"}]}]""")
                    .put("/api/forms/" + FORM + "/triggers").then().statusCode(200);
            for (String values : new String[] {
                    "{\"name\":\"杭州西湖茶业\",\"revenue\":120,\"visits\":4,\"industry\":\"retail\"}",
                    "{\"name\":\"宁波港信息技术\",\"revenue\":260,\"visits\":8,\"industry\":\"it\"}",
                    "{\"name\":\"温州小商品城\",\"revenue\":20,\"visits\":1,\"industry\":\"retail\"}",
                    "{\"name\":\"绍兴纺织集团\",\"revenue\":180,\"visits\":2,\"industry\":\"retail\"}",
                    "{\"name\":\"嘉兴云计算\",\"revenue\":60,\"visits\":6,\"industry\":\"it\"}",
                    "{\"name\":\"湖州竹制品\",\"revenue\":90,\"visits\":3}" }) {
                CustomerForms.create("east_rep", FORM, values);
            }
        }
    }

    /** Adds a condition row and waits until htmx has settled it (its controls answer to changes only then). */
    static void addCondition(Page page, int rows) {
        page.getByRole(AriaRole.BUTTON, named("添加条件")).click();
        assertThat(page.locator("#filter-rows .filter-row:not(.htmx-added)")).hasCount(rows);
    }

    static Locator row(Page page, String text) {
        return page.locator("#record-rows tr", new Page.LocatorOptions().setHasText(text));
    }

    @Test
    void filterSortSaveAViewAndEditCellsInPlace() {
        try (BrowserSession s = BrowserSession.open(base)) {
            Page page = s.page();
            page.navigate("/forms/" + FORM);
            s.login("east_mgr", TestUsers.PASSWORD);
            assertThat(page.locator("#record-rows tr:not(.more-row)")).hasCount(6);
            s.screenshot("grid");

            // a condition: 年营收 ≥ 100, built from the number field's operators
            addCondition(page, 1);
            Locator condition = page.locator(".filter-row").first();
            condition.locator("select.fc-field").selectOption("revenue");
            // the row comes back fitted to the field (its operators and value input)
            assertThat(page.locator(".filter-row[data-field=revenue]")).hasCount(1);
            assertThat(condition.locator("select.fc-op option[value=gte]")).hasCount(1);
            page.locator(".filter-row select.fc-op").selectOption("gte");
            assertThat(page.locator(".filter-row[data-op=gte]")).hasCount(1);
            page.locator(".filter-row .fc-value input").fill("100");
            page.locator(".filter-row .fc-value input").press("Enter");
            assertThat(page.locator("#record-rows tr:not(.more-row)")).hasCount(3);
            assertThat(page).hasURL(Pattern.compile("c0.op=gte"));

            // sort by the header: ascending, then descending
            page.locator("th a.sort", new Page.LocatorOptions().setHasText("年营收(万元)")).click();
            assertThat(page.locator("th[aria-sort=ascending]")).containsText("年营收");
            assertThat(page.locator("#record-rows tr").first()).containsText("杭州西湖茶业");
            page.locator("th a.sort", new Page.LocatorOptions().setHasText("年营收(万元)")).click();
            assertThat(page.locator("th[aria-sort=descending]")).containsText("年营收");
            assertThat(page.locator("#record-rows tr").first()).containsText("宁波港信息技术");
            s.screenshot("grid-filtered-sorted");

            // a second condition is ANDed, and the sort stays
            addCondition(page, 2);
            Locator second = page.locator(".filter-row").nth(1);
            second.locator("select.fc-field").selectOption("industry");
            assertThat(page.locator(".filter-row[data-field=industry]")).hasCount(1);
            assertThat(second.locator(".fc-value select option[value=retail]")).hasCount(1);
            second.locator(".fc-value select").selectOption("retail");
            assertThat(page.locator("#record-rows tr:not(.more-row)")).hasCount(2);
            assertThat(page.locator("#record-rows tr").first()).containsText("绍兴纺织集团");
            s.screenshot("grid-two-conditions");
            second.locator("[data-remove-row]").click();
            assertThat(page.locator("#record-rows tr:not(.more-row)")).hasCount(3);

            // save as a view: the page comes back with the view chosen
            page.locator("details.save-view > summary").click();
            page.locator("#view-name").fill("重点大客户");
            s.screenshot("grid-save-view");
            page.locator("details.save-view button.btn-primary").click();
            assertThat(page).hasURL(Pattern.compile("view=\\d+"));
            assertThat(page.locator("#grid-view option:checked")).hasText("重点大客户");
            assertThat(page.locator(".flash-success")).hasText("视图已保存。");
            assertThat(page.locator("#record-rows tr:not(.more-row)")).hasCount(3);
            assertThat(page.locator("#record-rows tr").first()).containsText("宁波港信息技术");

            // the column picker: 拜访次数 goes away, in this view
            page.locator("details.columns-dropdown > summary").click();
            page.locator("#column-picker input[value=visits]").uncheck();
            assertThat(page.locator("#record-rows td[data-label=拜访次数]")).hasCount(0);
            page.locator("h1").click(); // closes the dropdown
            s.screenshot("grid-saved-view");

            // edit a cell in place: the row comes back with its new tier
            Locator hangzhou = row(page, "杭州西湖茶业");
            assertThat(hangzhou.locator(".tier-badge")).hasText("B"); // 120 * 0.4 = 48
            hangzhou.locator("td[data-label='年营收(万元)']").dblclick();
            Locator editor = hangzhou.locator(".cell-editor input[name=value]");
            assertThat(editor).isFocused();
            editor.fill("300");
            s.screenshot("grid-cell-editing");
            editor.press("Enter");
            assertThat(hangzhou.locator("td[data-label='年营收(万元)']")).hasText("300");
            assertThat(hangzhou.locator(".tier-badge")).hasText("A");
            assertThat(hangzhou).hasAttribute("data-version", "2");

            // a colleague saved the same record in between: the conflict, and what is there now
            Locator shaoxing = row(page, "绍兴纺织集团");
            shaoxing.locator("td[data-label='年营收(万元)'] .cell-edit-btn").click();
            String id = shaoxing.getAttribute("id").replace("row-", "");
            given().cookie("tierflow_session", TestUsers.login("east_rep")).contentType(ContentType.JSON)
                    .body("{\"version\":1,\"values\":{\"revenue\":190}}").patch("/api/forms/" + FORM + "/records/" + id)
                    .then().statusCode(200);
            shaoxing.locator(".cell-editor input[name=value]").fill("200");
            shaoxing.locator(".cell-editor .cell-save").click();
            assertThat(shaoxing.locator(".cell-editing .field-error")).containsText("记录已被他人修改（您读取的是第 1 版，当前为第 2 版）");
            assertThat(shaoxing.locator(".cell-current")).containsText("当前值：190");
            s.screenshot("grid-cell-conflict");
            shaoxing.locator(".cell-editor .cell-save").click(); // now from version 2
            assertThat(shaoxing.locator("td[data-label='年营收(万元)']")).hasText("200");

            // the record page: the rule that ran for the edit, and the way to the trash
            hangzhou.locator("td.cell-title a").click();
            assertThat(page.locator(".rule-run.is-fired")).containsText("大客户提醒");
            assertThat(page.locator(".rule-run.is-fired")).containsText("发送通知");
            s.screenshot("record-rule-log");

            // to the trash from the grid, and back
            page.navigate("/forms/" + FORM);
            page.onceDialog(d -> d.accept());
            row(page, "湖州竹制品").locator(".row-delete").click();
            assertThat(row(page, "湖州竹制品")).hasCount(0);
            assertThat(page.locator("#grid-toast .toast")).containsText("已移入回收站。");
            s.screenshot("grid-deleted");
            page.locator("#grid-toast a").click();
            assertThat(page.locator("h1")).hasText("客户 · 回收站");
            assertThat(row(page, "湖州竹制品")).hasCount(1);
            s.screenshot("trash");
            row(page, "湖州竹制品").getByRole(AriaRole.BUTTON).click();
            assertThat(row(page, "湖州竹制品")).hasCount(0);
            assertThat(page.locator("#grid-toast .toast")).containsText("已恢复。");
        }
    }

    @Test
    void importACsvWithOneBadRowInSkipMode() throws Exception {
        Path dir = Files.createTempDirectory("tierflow-import");
        Path csv = dir.resolve("新客户名单.csv");
        Files.writeString(csv, "客户名称,年营收(万元),行业,负责人备注\n丽水生态农业,150,零售,展会认识\n衢州新材料,一百万,信息技术,\n舟山海产,45,零售,老朋友介绍\n",
                StandardCharsets.UTF_8);
        try (BrowserSession s = BrowserSession.open(base)) {
            Page page = s.page();
            page.navigate("/forms/" + FORM);
            s.login("east_mgr", TestUsers.PASSWORD);
            page.getByRole(AriaRole.LINK, named("导入")).click();
            assertThat(page).hasURL(Pattern.compile("/forms/" + FORM + "/import$"));
            s.screenshot("import-upload");

            page.locator("#import-file").setInputFiles(csv);
            page.getByRole(AriaRole.BUTTON, named("上传并识别")).click();
            assertThat(page.locator(".mapping-table")).isVisible();
            assertThat(page.locator("p.muted").first()).containsText("新客户名单.csv");
            assertThat(page.locator("#map-0")).hasValue("name");
            assertThat(page.locator("#map-1")).hasValue("revenue");
            assertThat(page.locator("#map-2")).hasValue("industry");
            assertThat(page.locator("#map-3")).hasValue("");
            s.screenshot("import-mapping");

            page.getByRole(AriaRole.BUTTON, named("预览检查")).click();
            assertThat(page.locator(".import-report .alert")).containsText("3 行中有 1 行存在错误。");
            assertThat(page.locator(".errors-table tbody tr")).hasCount(1);
            assertThat(page.locator(".errors-table tbody tr")).containsText("应为数字");
            assertThat(page.locator(".errors-table tbody td").first()).hasText("3");
            page.locator("input[name=mode][value=skip_bad_rows]").check();
            s.screenshot("import-preview");

            page.getByRole(AriaRole.BUTTON, named("开始导入")).click();
            assertThat(page).hasURL(Pattern.compile("/forms/" + FORM + "/imports/\\d+$"));
            assertThat(page.locator(".import-report .alert")).containsText("导入完成：新建 2 条，更新 0 条，跳过 1 行错误。");
            s.screenshot("import-done");

            page.getByRole(AriaRole.LINK, named("查看记录")).click();
            assertThat(row(page, "丽水生态农业")).hasCount(1);
            assertThat(row(page, "舟山海产")).hasCount(1);
            assertThat(row(page, "衢州新材料")).hasCount(0);
        }
        try (BrowserSession s = BrowserSession.openPhone(base)) {
            Page page = s.page();
            page.navigate("/forms/" + FORM + "/import");
            s.login("east_mgr", TestUsers.PASSWORD);
            page.locator("#import-file").setInputFiles(csv);
            page.getByRole(AriaRole.BUTTON, named("上传并识别")).click();
            assertThat(page.locator(".mapping-table")).isVisible();
            s.screenshot("import-mapping-phone");
            page.getByRole(AriaRole.BUTTON, named("预览检查")).click();
            assertThat(page.locator(".errors-table")).isVisible();
            s.screenshot("import-preview-phone");
        }
    }

    @Test
    void inEnglish() {
        try (BrowserSession s = BrowserSession.open(base, 1280, 800, "en-US")) {
            Page page = s.page();
            page.navigate("/forms/" + FORM + "?applied=1&c0.field=revenue&c0.op=between&c0.value=50&c0.value=200&sort=-revenue");
            s.login("east_mgr", TestUsers.PASSWORD);
            assertThat(page.locator(".filter-row select.fc-op option:checked")).hasText("is between");
            assertThat(page.locator("th[aria-sort=descending]")).isVisible();
            s.screenshot("grid-en");
        }
    }

    @Test
    void aRepOnAPhoneFiltersAndPicksARelatedCustomer() {
        try (BrowserSession s = BrowserSession.openPhone(base)) {
            Page page = s.page();
            page.navigate("/forms/" + FORM);
            s.login("east_rep", TestUsers.PASSWORD);
            assertThat(page.locator("#record-rows tr").first()).isVisible();
            s.screenshot("grid-phone");
            addCondition(page, 1);
            page.locator(".filter-row select.fc-field").selectOption("industry");
            assertThat(page.locator(".filter-row[data-field=industry]")).hasCount(1);
            assertThat(page.locator(".filter-row .fc-value select option[value=it]")).hasCount(1);
            page.locator(".filter-row .fc-value select").selectOption("it");
            assertThat(page.locator("#record-rows")).not().containsText("温州小商品城");
            s.screenshot("grid-filter-phone");

            // a new order: the customer is picked by searching its name
            page.navigate("/forms/" + ORDERS + "/new");
            page.locator("#v-title").fill("茶叶年度采购");
            page.locator("#v-customer-q").fill("西湖");
            Locator option = page.locator(".relation-option", new Page.LocatorOptions().setHasText("杭州西湖茶业"));
            assertThat(page.locator(".relation-option")).hasCount(1);
            assertThat(option).isVisible();
            s.screenshot("relation-search-phone");
            option.click();
            assertThat(page.locator(".relation-chip")).containsText("杭州西湖茶业");
            assertThat(page.locator("#v-customer")).not().hasValue("");
            page.locator("#v-amount").fill("12800");
            page.getByRole(AriaRole.BUTTON, named("保存")).click();
            assertThat(page.locator(".flash-success")).hasText("已保存");
            assertThat(page.locator(".relation-chip a")).hasText("杭州西湖茶业");
            s.screenshot("relation-record-phone");

            // the customer's page lists the order among its related records
            page.navigate(page.locator(".relation-chip a").getAttribute("href")); // the chip opens a new tab
            assertThat(page.locator(".related-list")).containsText("茶叶年度采购");
            s.screenshot("record-related-phone");
        }
        try (BrowserSession s = BrowserSession.open(base)) {
            Page page = s.page();
            page.navigate("/forms/" + ORDERS + "/new");
            s.login("east_rep", TestUsers.PASSWORD);
            page.locator("#v-customer-q").click();
            assertThat(page.locator(".relation-option").first()).isVisible();
            s.screenshot("relation-picker");
            page.locator(".relation-option", new Page.LocatorOptions().setHasText("宁波港信息技术")).click();
            assertThat(page.locator(".relation-chip")).containsText("宁波港信息技术");
            s.screenshot("relation-chosen");
        }
    }
}
