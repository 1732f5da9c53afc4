package io.tierflow.ui.path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

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
 * The path, all in one browser: a rep creates a tier-A customer through the new-record page and
 * sees it badged A in the list; the manager approves it from the inbox with a comment; the record then
 * says 审批状态 = 已通过 and shows the comment. Screenshots: target/screenshots/path-*.png.
 */
@QuarkusTest
class TierAApprovalInTheBrowserTest {

    /** A form of its own per run: the test database outlives runs, and the inbox must hold only this task. */
    static final String FORM = "ui_path_a_" + Long.toString(System.currentTimeMillis(), 36);
    static final String CUSTOMER = "嘉兴智造科技有限公司";
    static final String COMMENT = "年营收三百万，战略客户，同意。";
    /** The journal starts the approval and writes its outcome back asynchronously; this is how long we wait. */
    static final Duration DEADLINE = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL base;

    @Inject
    UserDirectory users;

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aRepsTierACustomerIsApprovedByTheManager() {
        FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), FORM);
        try (BrowserSession s = BrowserSession.open(base)) {
            Page page = s.page();

            // the rep creates the customer: revenue 300 scores 300 * 0.4 + 2 * 3 = 126, tier A (score >= 80)
            s.login("east_rep", TestUsers.PASSWORD);
            page.locator("a.form-card[href='/forms/" + FORM + "']").click();
            page.getByRole(AriaRole.LINK, named("新建")).click();
            assertThat(page).hasURL(Pattern.compile("/forms/" + FORM + "/new$"));
            page.locator("#v-name").fill(CUSTOMER);
            page.locator("#v-revenue").fill("300");
            page.locator("#v-visits").fill("2");
            page.locator("#v-industry").selectOption("it");
            s.screenshot("path-1-new-record");
            page.getByRole(AriaRole.BUTTON, named("保存")).click();
            assertThat(page).hasURL(Pattern.compile("/forms/" + FORM + "/records/\\d+$"));
            assertThat(page.locator(".record-head .tier-badge")).hasText("A");
            String recordPath = page.url().substring(page.url().indexOf("/forms/"));

            // and finds it in the list, badged A
            page.locator(".crumbs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("客户").setExact(true)).click();
            Locator row = page.locator("#record-rows tr", new Page.LocatorOptions().setHasText(CUSTOMER));
            assertThat(row.locator(".tier-badge")).hasText("A");
            s.screenshot("path-2-list-tier-a");

            page.getByRole(AriaRole.BUTTON, named("退出登录")).click();
            assertThat(page).hasURL(Pattern.compile("/login"));

            // the manager finds the task in the inbox once the journal has started the approval
            s.login("east_mgr", TestUsers.PASSWORD);
            page.getByRole(AriaRole.LINK, named("待办")).click();
            assertThat(page).hasURL(Pattern.compile("/inbox$"));
            Locator card = page.locator(".task-card").filter(new Locator.FilterOptions()
                    .setHas(page.locator("a[href='" + recordPath + "']")));
            reloadUntil(page, () -> card.count() > 0, "the approval task reaches east_mgr's inbox");
            assertThat(card.locator(".tier-badge")).hasText("A");
            card.locator("textarea").fill(COMMENT);
            s.screenshot("path-3-inbox");
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("通过")).click();
            Locator done = page.locator(".task-done").filter(new Locator.FilterOptions().setHasText(CUSTOMER));
            assertThat(done).containsText("已通过");
            assertThat(done).containsText(COMMENT);
            s.screenshot("path-4-approved-in-inbox");

            // the record shows the outcome once the journal has written it back, and the comment in its history
            page.navigate(recordPath);
            reloadUntil(page, () -> page.locator("#v-approval_status").textContent().contains("已通过"),
                    "审批状态 becomes 已通过 on the record");
            assertThat(page.locator("#v-approval_status")).hasText("已通过");
            assertThat(page.locator(".process-head")).containsText("已通过");
            assertThat(page.locator(".step-comment")).containsText(COMMENT);
            assertThat(page.locator(".tier-why .card-title")).hasText("为什么是 A 层");
            assertThat(page.locator(".why-rule.is-decisive")).containsText("score >= 80");
            assertThat(page.locator(".tl-entry").first()).containsText("已通过");
            assertThat(page.locator(".tl-approved")).containsText(COMMENT);
            s.screenshot("path-5-record-approved");
        }
        try (BrowserSession phone = BrowserSession.openPhone(base)) {
            phone.page().navigate("/forms/" + FORM);
            phone.login("east_mgr", TestUsers.PASSWORD);
            phone.page().locator("#record-rows a", new Page.LocatorOptions().setHasText(CUSTOMER)).click();
            assertThat(phone.page().locator(".tl-approved")).containsText(COMMENT);
            phone.screenshot("path-6-record-approved-phone");
        }
    }

    /** Reloads the page until {@code shown} holds, failing after {@link #DEADLINE}. */
    static void reloadUntil(Page page, BooleanSupplier shown, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!shown.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + DEADLINE.toSeconds() + " s for: " + what);
            page.waitForTimeout(500);
            page.reload();
        }
    }
}
