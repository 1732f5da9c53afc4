package io.tierflow.ui.inbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tierflow.ui.inbox.Approvals.approvalStatus;
import static io.tierflow.ui.inbox.Approvals.awaitTask;
import static io.tierflow.ui.inbox.Approvals.create;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
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
 * A manager's morning in a real browser: approve a tier-A customer from the inbox, then read the tier pie.
 * Screenshots: target/screenshots/inbox-*.png and dashboard-*.png.
 */
@QuarkusTest
class InboxAndDashboardBrowserTest {

    static final String FORM = "ui_browser_customer";
    private static int big;
    private static int second;

    @TestHTTPResource("/")
    URL base;

    @Inject
    UserDirectory users;

    /** Two tier-A customers waiting for east_mgr, two B and a C, all east_rep's. */
    @BeforeEach
    void seed() {
        if (big == 0) {
            FormFixtures.people(users);
            FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), FORM);
            big = create("east_rep", FORM, "{\"name\":\"杭州云栖科技有限公司\",\"revenue\":300,\"visits\":4,\"industry\":\"it\"}");
            second = create("east_rep", FORM, "{\"name\":\"苏州工业园供应链\",\"revenue\":220,\"industry\":\"it\"}");
            create("east_rep", FORM, "{\"name\":\"宁波商贸\",\"revenue\":150,\"industry\":\"retail\"}");
            create("east_rep", FORM, "{\"name\":\"嘉兴五金\",\"revenue\":110,\"industry\":\"retail\"}");
            create("east_rep", FORM, "{\"name\":\"温州小店\",\"revenue\":20}");
            awaitTask("east_mgr", FORM, big);
            awaitTask("east_mgr", FORM, second);
        }
    }

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    static Locator card(Page page, String text) {
        return page.locator(".task-card").filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void theManagerApprovesFromTheInboxThenReadsTheDashboard() {
        try (BrowserSession s = BrowserSession.open(base)) {
            Page page = s.page();
            s.login("east_mgr", TestUsers.PASSWORD);
            page.getByRole(AriaRole.LINK, named("待办")).click();
            assertThat(page).hasURL(Pattern.compile("/inbox$"));
            Locator first = card(page, "杭州云栖科技有限公司");
            assertThat(first.locator(".tier-badge")).hasText("A");
            assertThat(first.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("杭州云栖科技有限公司")))
                    .hasAttribute("href", "/forms/" + FORM + "/records/" + big);
            s.screenshot("inbox-zh");

            // rejecting needs a reason: the card comes back with the error, in place
            Locator other = card(page, "苏州工业园供应链");
            other.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("驳回")).click();
            assertThat(other.locator(".field-error")).hasText("驳回时请填写理由");
            assertThat(other.locator("textarea")).isFocused();
            s.screenshot("inbox-reject-error-zh");

            first.locator("textarea").fill("战略客户，同意");
            first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("通过")).click();
            Locator done = page.locator(".task-done").filter(new Locator.FilterOptions().setHasText("杭州云栖科技有限公司"));
            assertThat(done).containsText("已通过");
            assertThat(done).containsText("战略客户，同意");
            s.screenshot("inbox-approved-zh");
            await().atMost(Duration.ofSeconds(20)).until(() -> "approved".equals(approvalStatus("east_rep", FORM, big)));

            page.getByRole(AriaRole.LINK, named("驾驶舱")).click();
            page.waitForURL(Pattern.compile("/dashboard$"));
            page.waitForLoadState(); // dashboard.js wires the picker
            page.locator("select[name=form]").selectOption(FORM); // the picker reloads the page for that form
            assertThat(page).hasURL(Pattern.compile("/dashboard\\?form=" + FORM));
            Locator pie = page.locator("#tier-pie");
            assertThat(pie.locator("svg path").first()).isVisible();
            assertTrue(pie.locator("svg path").count() >= 3, "a path per slice");
            assertThat(page.locator(".kpi-total .kpi-value")).hasText("5");
            assertThat(page.locator(".kpi[data-tier=A] .kpi-value")).hasText("2");
            assertThat(page.locator("#field-bar svg")).isVisible();
            s.screenshot("dashboard-zh");

            // a slice leads to that tier's records: A, the first, starts at twelve o'clock and runs clockwise
            var box = pie.boundingBox();
            double radius = 0.58 * Math.min(box.width, box.height) / 2; // the middle of the ring (46%…70%)
            double angle = Math.toRadians(20);
            pie.click(new Locator.ClickOptions().setPosition(box.width * 0.5 + radius * Math.sin(angle),
                    box.height * 0.45 - radius * Math.cos(angle)));
            assertThat(page).hasURL(Pattern.compile("/forms/" + FORM + "\\?tier=A$"));
        }
    }

    @Test
    void onAPhone() {
        try (BrowserSession s = BrowserSession.openPhone(base)) {
            Page page = s.page();
            s.login("east_mgr", TestUsers.PASSWORD);
            page.navigate("/inbox");
            assertThat(card(page, "苏州工业园供应链")).isVisible();
            s.screenshot("inbox-phone");
            page.navigate("/dashboard?form=" + FORM);
            assertThat(page.locator("#tier-pie svg path").first()).isVisible();
            s.screenshot("dashboard-phone");
        }
    }

    @Test
    void aRepHasNothingToApprove() {
        try (BrowserSession s = BrowserSession.open(base)) {
            s.login("east_rep", TestUsers.PASSWORD);
            s.page().navigate("/inbox");
            assertThat(s.page().locator(".inbox-empty")).hasText("暂无待办");
            s.screenshot("inbox-empty-zh");
        }
    }

    @Test
    void inEnglish() {
        try (BrowserSession s = BrowserSession.open(base, 1280, 800, "en-US")) {
            Page page = s.page();
            s.login("east_mgr", TestUsers.PASSWORD);
            page.navigate("/dashboard?form=" + FORM);
            assertThat(page.locator("h1")).hasText("Dashboard");
            assertThat(page.locator("#tier-pie svg path").first()).isVisible();
            s.screenshot("dashboard-en");
            page.navigate("/inbox");
            assertThat(page.getByRole(AriaRole.BUTTON, named("Approve")).first()).isVisible();
            s.screenshot("inbox-en");
        }
    }
}
