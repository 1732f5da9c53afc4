package io.tierflow.ui.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.ui.testing.BrowserSession;

/** The layout in a real browser: login, the top bar, switching to English, logout. Screenshots go to target/screenshots. */
@QuarkusTest
class LayoutBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    UserDirectory users;

    @Test
    void loginSwitchLanguageAndLogout() {
        Caller sales = users.ensureUser("ui-browser", "王小明", "secret-pass", Role.SALES, null).await().indefinitely();
        try (BrowserSession s = BrowserSession.open(base)) {
            Page page = s.page();
            page.navigate("/forms");
            assertThat(page).hasURL(Pattern.compile("/login\\?next=%2Fforms$"));
            assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
            s.screenshot("login-zh");

            page.locator("#f-username").fill("ui-browser");
            page.locator("#f-password").fill("not-the-password");
            page.locator("form[action='/login'] button[type=submit]").click();
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("用户名或密码错误");
            assertThat(page.locator("#f-username")).hasValue("ui-browser");
            assertThat(page.locator("#f-password")).isFocused();
            s.screenshot("login-error-zh");

            s.login("ui-browser", "secret-pass");
            assertThat(page).hasURL(Pattern.compile("/forms$"));
            assertThat(page.locator(".user-name")).hasText("王小明");
            Page.GetByRoleOptions forms = new Page.GetByRoleOptions().setName("表单");
            assertThat(page.getByRole(AriaRole.LINK, forms)).hasAttribute("aria-current", "page");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("待办"))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("驾驶舱"))).isVisible();
            assertEquals(true, page.evaluate("() => typeof htmx === 'object'")); // htmx loads from the jar
            s.screenshot("forms-zh");

            page.navigate("/no-such-page");
            assertThat(page.locator("h1")).hasText("未找到");
            s.screenshot("error-404-zh");
            page.navigate("/forms");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page).hasURL(Pattern.compile("/forms$"));
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forms"))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inbox"))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
            assertEquals("en", users.findById(sales.id()).await().indefinitely().orElseThrow().locale());
            s.screenshot("forms-en");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
            assertThat(page).hasURL(Pattern.compile("/login$"));
            assertThat(page.locator("html")).hasAttribute("lang", "en"); // the cookie keeps the chosen language
            s.screenshot("logged-out-en");
            page.navigate("/forms");
            assertThat(page).hasURL(Pattern.compile("/login\\?next="));
        } finally {
            users.setLocale(sales.id(), null).await().indefinitely();
        }
    }

    @Test
    void phoneLayout() {
        users.ensureUser("ui-phone", "赵敏", "secret-pass", Role.SALES, null).await().indefinitely();
        try (BrowserSession s = BrowserSession.openPhone(base)) {
            s.page().navigate("/login");
            s.screenshot("login-phone");
            s.login("ui-phone", "secret-pass");
            assertThat(s.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("待办"))).isVisible();
            s.screenshot("forms-phone");
        }
    }
}
