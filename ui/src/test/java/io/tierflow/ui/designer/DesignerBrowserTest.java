package io.tierflow.ui.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tierflow.ui.testing.PageClient.api;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import io.tierflow.ui.testing.BrowserSession;

/**
 * The issue's browser test: a manager builds a form in the designer (eight field types dragged or clicked into one
 * section, a select with two options, a formula checked as it is typed), previews and publishes it, then fills in
 * a record through the record page and finds it in the list. Then changes the published form: a new field on a new
 * tab. Screenshots go to target/screenshots/designer-*.png.
 */
@QuarkusTest
class DesignerBrowserTest {

    static final String FORM = "ui_designer_vip";

    @TestHTTPResource("/")
    URL base;

    @Inject
    UserDirectory users;

    @BeforeEach
    void people() {
        FormFixtures.people(users);
    }

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /** Drags with the mouse in small steps, as a person does; SortableJS runs in its pointer-event mode. */
    static void drag(Page page, Locator from, Locator to) {
        to.scrollIntoViewIfNeeded();
        from.scrollIntoViewIfNeeded();
        // a palette chip at the window's bottom edge (the palette is longer than a laptop screen) is brought to
        // mid-screen: a drag starting within SortableJS's scroll margin scrolls the page under the pointer
        from.evaluate("e => { if (e.classList.contains('palette-item') && e.getBoundingClientRect().bottom > innerHeight - 60)"
                + " e.scrollIntoView({block: 'center'}); }");
        BoundingBox a = from.boundingBox();
        page.mouse().move(a.x + a.width / 2, a.y + a.height / 2);
        page.mouse().down();
        page.mouse().move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 4, new Mouse.MoveOptions().setSteps(4));
        BoundingBox b = to.boundingBox();
        boolean list = "UL".equals(to.evaluate("e => e.tagName"));
        // onto a section: its bottom right corner, after the last field; onto a field: its middle, taking its place
        double x = list ? b.x + b.width - 4 : b.x + b.width / 2;
        double y = list ? b.y + b.height - 4 : b.y + b.height / 2;
        page.mouse().move(x - 6, y - 2, new Mouse.MoveOptions().setSteps(16));
        page.mouse().move(x, y, new Mouse.MoveOptions().setSteps(3));
        // SortableJS animates the other fields out of the way; once they have settled, one more move lets it
        // place the field against where they ended up, not where they were mid-animation
        page.waitForTimeout(300);
        page.mouse().move(x - 1, y - 1);
        page.waitForTimeout(100);
        page.mouse().up();
    }

    /** Names the field just added (a new field is called after its type, and selected) in the properties panel. */
    static void name(Page page, String type, String label, String key) {
        assertThat(page.locator(".dz-field.is-selected")).hasAttribute("aria-label", type);
        assertThat(page.locator("#p-label")).hasValue(type);
        page.locator("#p-label").fill(label);
        page.locator("#p-key").fill(key);
    }

    /**
     * Types a formula setting in its editor (CodeMirror over the setting's textarea, which stays the value), as a
     * person does: into the editor, replacing what is there; the completion list is closed afterwards.
     */
    static void typeFormula(Page page, String id, String text) {
        page.locator(".field-option:has(#" + id + ") .CodeMirror").click();
        page.keyboard().press("Control+A");
        page.keyboard().press("Backspace");
        page.keyboard().type(text);
        page.keyboard().press("Escape");
    }

    @Test
    void aManagerDesignsAFormPublishesItAndFillsInARecord() {
        try (BrowserSession s = BrowserSession.open(base)) {
            try {
                build(s);
            } catch (AssertionError | RuntimeException e) {
                s.screenshot("designer-failure-build");
                throw e;
            }
        }
    }

    void build(BrowserSession s) {
        {
            Page page = s.page();
            page.navigate("/forms");
            s.login("east_mgr", TestUsers.PASSWORD);
            s.screenshot("designer-forms-list");
            page.getByRole(AriaRole.LINK, named("+ 新建表单")).click();
            assertThat(page).hasURL(Pattern.compile("/forms/new/design$"));
            assertThat(page.locator("h1")).hasText("新建表单");
            assertThat(page.locator(".palette-item[data-type=formula]")).hasText("公式");
            s.screenshot("designer-new");

            page.locator("#p-form-name").fill("大客户登记");
            page.locator("#p-form-key").fill(FORM);
            page.locator("#dz-tab-title").fill("基本信息");
            page.locator(".dz-section-title").first().fill("联系方式");
            Locator section = page.locator(".dz-fields").first();

            // dragged in from the palette
            drag(page, page.locator(".palette-item[data-type=text]"), section);
            assertThat(page.locator(".dz-field")).hasCount(1);
            assertThat(page.locator("#p-label")).isFocused();
            name(page, "单行文本", "客户名称", "name");
            page.locator("#p-required").check();
            drag(page, page.locator(".palette-item[data-type=number]"), section);
            name(page, "数字", "员工人数", "staff");
            drag(page, page.locator(".palette-item[data-type=money]"), section);
            name(page, "金额", "年采购额", "budget");
            assertThat(page.locator("#p-opt-currency")).hasValue("CNY");
            // clicked: added to the section in use
            page.locator(".palette-item[data-type=date]").click();
            name(page, "日期", "签约日期", "signed");
            page.locator(".palette-item[data-type=single_select]").click();
            name(page, "单选", "客户级别", "level");
            Locator options = page.locator("[data-options=options] .opt-row");
            assertThat(options).hasCount(2);
            options.nth(0).locator("[data-option-label]").fill("重点");
            options.nth(0).locator("[data-option-key]").fill("vip");
            options.nth(1).locator("[data-option-label]").fill("普通");
            options.nth(1).locator("[data-option-key]").fill("normal");
            s.screenshot("designer-options");
            page.locator(".palette-item[data-type=checkbox]").click();
            name(page, "复选框", "已签保密协议", "nda");
            drag(page, page.locator(".palette-item[data-type=phone]"), section);
            name(page, "电话", "联系电话", "phone");
            drag(page, page.locator(".palette-item[data-type=formula]"), section);
            name(page, "公式", "预估价值", "value");

            // the formula editor completes the draft's fields (by key or label) and checks the formula as it is
            // typed, against the fields not published yet
            page.locator(".field-option:has(#p-opt-formula) .CodeMirror").click();
            page.keyboard().type("bud");
            Locator hints = page.locator(".CodeMirror-hints");
            assertThat(hints.locator("li").first()).containsText("budget");
            assertThat(hints.locator("li").first()).containsText("年采购额");
            page.keyboard().press("Enter");
            page.keyboard().type(" * ");
            assertThat(page.locator("#p-opt-formula")).hasValue("budget * ");
            assertThat(page.locator("#p-opt-formula-status")).containsText("第 1 行第");
            assertThat(page.locator("#p-opt-formula-status")).hasClass(Pattern.compile("is-bad"));
            s.screenshot("designer-formula-error");
            typeFormula(page, "p-opt-formula", "IFNULL(budget, 0) * 0.1 + IFNULL(");
            // a field's chip puts its key where the cursor is
            page.locator(".chip[data-insert=staff]").click();
            page.keyboard().type(", 0");
            assertThat(page.locator("#p-opt-formula")).hasValue("IFNULL(budget, 0) * 0.1 + IFNULL(staff, 0)");
            assertThat(page.locator("#p-opt-formula-status")).containsText("有效，结果是数字");
            assertThat(page.locator("#p-opt-formula-status")).containsText("budget, staff");
            s.screenshot("designer-formula-editor");
            // a condition under "more settings" gets the editor too, and must give yes or no
            page.locator(".dz-field[aria-label=签约日期]").click();
            page.locator(".props-more summary").click();
            typeFormula(page, "p-opt-visibleWhen", "budget * 2");
            assertThat(page.locator("#p-opt-visibleWhen-status")).containsText("结果必须是是/否");
            typeFormula(page, "p-opt-visibleWhen", "budget > 100");
            assertThat(page.locator("#p-opt-visibleWhen-status")).containsText("有效，结果是是/否");
            s.screenshot("designer-visible-when");
            page.locator(".field-option:has(#p-opt-visibleWhen) .CodeMirror").click();
            page.keyboard().press("Control+A");
            page.keyboard().press("Backspace");
            assertThat(page.locator("#p-opt-visibleWhen")).hasValue("");
            page.locator(".dz-field[aria-label=预估价值]").click();

            assertThat(page.locator(".dz-field")).hasCount(8);
            assertThat(page.locator(".dz-field .dz-field-label")).hasText(new String[] {
                    "客户名称*", "员工人数", "年采购额", "签约日期", "客户级别", "已签保密协议", "联系电话", "预估价值" });
            // a field dragged within the section moves
            drag(page, page.locator(".dz-field[aria-label=联系电话]"), page.locator(".dz-field[aria-label=员工人数]"));
            assertThat(page.locator(".dz-field .dz-field-label").nth(1)).hasText("联系电话");
            page.locator(".dz-field[aria-label=预估价值]").click();
            s.screenshot("designer-built");

            page.getByRole(AriaRole.TAB, named("预览")).click();
            assertThat(page.locator("#designer-preview-body #v-name")).isVisible();
            assertThat(page.locator("#designer-preview-body .form-section-title")).hasText("联系方式");
            assertThat(page.locator("#designer-preview-body #v-level option")).hasText(new String[] { "请选择…", "重点", "普通" });
            assertThat(page.locator("#designer-preview-body .unit-before")).hasText("¥");
            s.screenshot("designer-preview");
            page.getByRole(AriaRole.TAB, named("设计")).click();

            page.getByRole(AriaRole.BUTTON, named("发布")).click();
            assertThat(page).hasURL(Pattern.compile("/forms/" + FORM + "/design$"));
            assertThat(page.locator("#designer-done")).isVisible();
            assertThat(page.locator("#designer-done")).containsText("表单已发布");
            assertThat(page.locator(".dz-field")).hasCount(8);
            s.screenshot("designer-published");

            api("east_mgr").get("/api/forms/" + FORM).then().statusCode(200)
                    .body("name", equalTo("大客户登记"))
                    .body("fields.type", contains("text", "phone", "number", "money", "date", "single_select", "checkbox", "formula"))
                    .body("fields.find { it.key == 'level' }.config.options.label", contains("重点", "普通"))
                    .body("layout.tabs[0].title", equalTo("基本信息"))
                    .body("layout.tabs[0].sections[0].title", equalTo("联系方式"))
                    .body("layout.tabs[0].sections[0].fields", contains("name", "phone", "staff", "budget", "signed", "level", "nda", "value"));

            // a record through the record page
            page.locator("#designer-new-record").click();
            assertThat(page).hasURL(Pattern.compile("/forms/" + FORM + "/new$"));
            assertThat(page.locator(".form-section-title")).hasText("联系方式");
            page.locator("#v-name").fill("杭州云栖科技有限公司");
            page.locator("#v-phone").fill("13800138000");
            page.locator("#v-staff").fill("120");
            page.locator("#v-budget").fill("500000");
            page.locator("#v-signed").fill("2026-03-01");
            page.locator("#v-level").selectOption("vip");
            page.locator("#v-nda").selectOption("true");
            s.screenshot("designer-record-new");
            page.getByRole(AriaRole.BUTTON, named("保存")).click();
            assertThat(page).hasURL(Pattern.compile("/forms/" + FORM + "/records/\\d+$"));
            assertThat(page.locator(".flash-success")).hasText("已保存");
            assertThat(page.locator("#v-value")).containsText("50120");

            page.navigate("/forms/" + FORM);
            Locator row = page.locator("#record-rows tr", new Page.LocatorOptions().setHasText("杭州云栖科技有限公司"));
            assertThat(row).hasCount(1);
            assertThat(row).containsText("重点");
            s.screenshot("designer-record-list");
        }
    }

    @Test
    void aManagerChangesAPublishedFormAndTheRecordPageShowsTheNewTab() {
        String key = "ui_designer_change";
        api("east_mgr").body("{\"key\":\"ui_designer_company\",\"name\":\"公司\",\"fields\":[{\"key\":\"cname\",\"label\":\"公司名称\",\"type\":\"text\"},"
                + "{\"key\":\"city\",\"label\":\"城市\",\"type\":\"text\"}]}").post("/api/forms").then().statusCode(201);
        api("east_mgr").body("{\"key\":\"" + key + "\",\"name\":\"线索\",\"fields\":[{\"key\":\"title\",\"label\":\"线索名称\",\"type\":\"text\"},"
                + "{\"key\":\"budget\",\"label\":\"预算\",\"type\":\"number\"}]}").post("/api/forms").then().statusCode(201);
        try (BrowserSession s = BrowserSession.open(base)) {
            try {
                change(s, key);
            } catch (AssertionError | RuntimeException e) {
                s.screenshot("designer-failure-change");
                throw e;
            }
        }
    }

    void change(BrowserSession s, String key) {
        {
            Page page = s.page();
            page.navigate("/forms");
            s.login("east_mgr", TestUsers.PASSWORD);
            page.locator("a[href='/forms/" + key + "/design']").click();
            assertThat(page.locator("h1")).hasText("设计表单：线索");
            assertThat(page.locator(".dz-field")).hasCount(2);
            assertThat(page.getByRole(AriaRole.BUTTON, named("发布"))).isDisabled();

            // relabel a published field; its key stays
            page.locator(".dz-field[aria-label=预算]").click();
            assertThat(page.locator("#p-key")).hasAttribute("readonly", "");
            page.locator("#p-label").fill("预算（万元）");
            // a second tab with a new field and a formula reading the relabelled one
            page.locator("[data-add-tab]").click();
            page.locator("#dz-tab-title").fill("跟进");
            page.locator(".palette-item[data-type=textarea]").click();
            name(page, "多行文本", "跟进记录", "notes");
            // a relation to another form and a lookup through it: settings that list forms and their fields
            page.locator(".palette-item[data-type=relation]").click();
            name(page, "关联其他表单", "所属公司", "company");
            page.locator("#p-opt-form").selectOption("ui_designer_company");
            page.locator(".palette-item[data-type=lookup]").click();
            name(page, "引用字段", "公司城市", "company_city");
            page.locator("#p-opt-relation").selectOption("company");
            assertThat(page.locator("#p-opt-field option")).hasText(new String[] { "请选择", "公司名称 (cname)", "城市 (city)" });
            page.locator("#p-opt-field").selectOption("city");
            s.screenshot("designer-relation");
            page.locator(".palette-item[data-type=formula]").click();
            name(page, "公式", "预算（元）", "budget_yuan");
            typeFormula(page, "p-opt-formula", "budget * 10000 +");
            assertThat(page.locator("#p-opt-formula")).hasValue("budget * 10000 +");
            // a formula the server refuses on publish is shown at its field, with line and column
            page.getByRole(AriaRole.BUTTON, named("发布")).click();
            assertThat(page.locator("#designer-alert")).containsText("需要修改");
            assertThat(page.locator(".dz-field.has-error")).hasCount(1);
            assertThat(page.locator(".field-option.has-error .field-error")).containsText("第 1 行");
            s.screenshot("designer-publish-error");
            typeFormula(page, "p-opt-formula", "budget * 10000");
            // a field dropped on another tab moves there, to its last section
            drag(page, page.locator(".dz-field[aria-label=跟进记录]"), page.locator(".dz-tab[data-tab='0']"));
            assertThat(page.getByRole(AriaRole.TAB, named("基本信息 3"))).hasAttribute("aria-selected", "true");
            assertThat(page.locator(".dz-field .dz-field-label")).hasText(new String[] { "线索名称", "预算（万元）", "跟进记录" });
            page.getByRole(AriaRole.BUTTON, named("发布")).click();
            assertThat(page.locator("#designer-done")).isVisible();
            s.screenshot("designer-changed");

            api("east_mgr").get("/api/forms/" + key).then().statusCode(200)
                    .body("fields.key", contains("title", "budget", "notes", "company", "company_city", "budget_yuan"))
                    .body("layout.tabs[0].sections[0].fields", contains("title", "budget", "notes"))
                    .body("fields.find { it.key == 'company_city' }.config.field", equalTo("city"))
                    .body("fields.find { it.key == 'budget' }.label", equalTo("预算（万元）"))
                    .body("layout.tabs.title", contains("基本信息", "跟进"));

            page.navigate("/forms/" + key + "/new");
            assertThat(page.getByRole(AriaRole.TAB)).hasText(new String[] { "基本信息", "跟进" });
            assertThat(page.locator("#v-notes")).isVisible();
            assertThat(page.locator("#v-company_city")).isHidden();
            page.getByRole(AriaRole.TAB, named("跟进")).click();
            assertThat(page.locator("#v-company_city")).isVisible();
            assertThat(page.locator("#v-notes")).isHidden();
            s.screenshot("designer-record-tabs");
        }
    }
}
