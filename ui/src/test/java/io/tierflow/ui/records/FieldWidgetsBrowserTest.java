package io.tierflow.ui.records;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.ui.testing.BrowserSession;

/**
 * A rep fills a record with every kind of input in a real browser, saves, changes it, and reads the
 * timeline and why it got its tier; on a desk and on a phone. Screenshots: target/screenshots/widgets-*.png.
 */
@QuarkusTest
class FieldWidgetsBrowserTest {

    static final String FORM = "ui_widgets_browser";

    @TestHTTPResource("/")
    URL base;

    @Inject
    UserDirectory users;

    @BeforeEach
    void form() {
        EveryWidgetForm.ensure(users, FORM);
    }

    static Locator chip(Page page, String label) {
        return page.locator("label.choice-chip", new Page.LocatorOptions().setHasText(label));
    }

    @Test
    void everyWidgetOnADesk() {
        try (BrowserSession s = BrowserSession.open(base)) {
            Page page = s.page();
            page.navigate("/forms/" + FORM + "/new");
            s.login("east_rep", TestUsers.PASSWORD);
            s.screenshot("widgets-new-empty");

            page.locator("#v-name").fill("宁波甬江智能装备有限公司");
            page.locator("#v-revenue").fill("200");
            page.locator("#v-deal").fill("128000");
            page.locator("#v-margin").fill("23.5");
            page.locator("#v-stars").selectOption("4");
            page.locator("#v-signed").fill("2026-03-01");
            page.locator("#v-next_visit").fill("2026-03-18T14:30");
            page.locator("#v-key_account").selectOption("true");
            page.locator("#v-email").fill("purchase@yjzn.com.cn");
            page.locator("#v-phone").fill("0574-87651234");
            page.locator("#v-site").fill("https://www.yjzn.com.cn");
            page.locator("#v-industry").selectOption("mfg");
            chip(page, "官网咨询").click();
            chip(page, "展会").click();
            page.locator("#v-notes").fill("董事长关注交付周期，下次带上产线方案。");
            assertThat(page.locator("input[name='values.channels'][value='expo']")).isChecked();
            s.screenshot("widgets-new-filled");
            page.getByRole(AriaRole.BUTTON, named("保存")).click();

            // what was saved comes back into the same inputs
            assertThat(page).hasURL(Pattern.compile("/forms/" + FORM + "/records/\\d+$"));
            assertThat(page.locator(".record-head .tier-badge")).hasText("A"); // 200 * 0.4 + 4 * 5 = 100
            assertThat(page.locator("#v-signed")).hasValue("2026-03-01");
            assertThat(page.locator("#v-next_visit")).hasValue("2026-03-18T14:30");
            assertThat(page.locator("#v-stars")).hasValue("4");
            assertThat(page.locator("#v-key_account")).hasValue("true");
            assertThat(page.locator("#v-deal")).hasValue("128000");
            assertThat(page.locator("input[name='values.channels'][value='web']")).isChecked();
            assertThat(page.locator("input[name='values.channels'][value='referral']")).not().isChecked();

            // a change: one star, less revenue (120 * 0.4 + 1 * 5 = 53, tier B) and one channel less
            page.locator("#v-stars").selectOption("1");
            chip(page, "展会").click();
            page.locator("#v-revenue").fill("120");
            page.getByRole(AriaRole.BUTTON, named("保存修改")).click();
            assertThat(page.locator(".flash-success")).hasText("已保存");
            assertThat(page.locator(".record-head .tier-badge")).hasText("B");
            Locator latest = page.locator(".tl-entry").first();
            assertThat(latest).containsText("修改了记录");
            assertThat(latest.locator(".tl-change", new Locator.LocatorOptions().setHasText("获客渠道")))
                    .containsText("官网咨询、展会");
            assertThat(latest.locator(".tl-change", new Locator.LocatorOptions().setHasText("满意度"))).containsText("★★★★");
            assertThat(page.locator(".tier-why .card-title")).hasText("为什么是 B 层");
            assertThat(page.locator(".why-rule").first()).containsText("不成立");
            assertThat(page.locator(".why-rule.is-decisive")).containsText("score >= 40");
            s.screenshot("widgets-record");
            String record = page.url();

            try (BrowserSession phone = BrowserSession.openPhone(base)) {
                Page p = phone.page();
                p.navigate(record);
                phone.login("east_rep", TestUsers.PASSWORD);
                assertThat(p.locator(".tier-why")).isVisible();
                phone.screenshot("widgets-record-phone");
                p.navigate("/forms/" + FORM + "/new");
                phone.screenshot("widgets-new-phone");
            }
            try (BrowserSession en = BrowserSession.open(base, 1280, 800, "en-US")) {
                en.page().navigate(record);
                en.login("east_rep", TestUsers.PASSWORD);
                assertThat(en.page().locator(".tier-why .card-title")).hasText("Why tier B");
                en.screenshot("widgets-record-en");
            }
        }
    }
}
