package io.tierflow.ui.inbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tierflow.ui.inbox.Approvals.api;
import static io.tierflow.ui.inbox.Approvals.awaitTask;
import static io.tierflow.ui.inbox.Approvals.create;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import io.tierflow.ui.testing.BrowserSession;

/**
 * A manager's inbox with an approval and a rule's to-do side by side, in a real browser: the to-do is completed
 * with its Done button (htmx, CSRF header) and the count goes down. A team of its own (todo_br_mgr, todo_br_rep)
 * keeps the other inbox tests' pages as they expect. Screenshots: target/screenshots/inbox-todo-*.png.
 */
@QuarkusTest
class TodoInboxBrowserTest {

    static final String FORM = "ui_todo_browser";
    private static int tierA;
    private static int small;

    @TestHTTPResource("/")
    URL base;

    @Inject
    UserDirectory users;

    @BeforeEach
    void seed() {
        if (tierA != 0) {
            return;
        }
        FormFixtures.people(users);
        Caller manager = TestUsers.ensure(users, "todo_br_mgr", Role.MANAGER, "todo_br");
        TestUsers.ensure(users, "todo_br_rep", Role.SALES, "todo_br");
        TestUsers.manage(users, manager, "todo_br");
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), FORM);
        api("east_mgr").body("""
                [{"id":"follow_up","name":"小客户回访","when":"create","condition":"revenue < 100",
                  "actions":[{"type":"create_task","title":"三天内电话回访，确认采购计划","assignee":"manager","dueDays":3}]}]""")
                .put("/api/forms/" + FORM + "/triggers").then().statusCode(200);
        tierA = create("todo_br_rep", FORM, "{\"name\":\"杭州湾新区开发集团\",\"revenue\":300}");
        small = create("todo_br_rep", FORM, "{\"name\":\"慈溪家电配件厂\",\"revenue\":30}");
        awaitTask("todo_br_mgr", FORM, tierA);
        await().atMost(Duration.ofSeconds(30)).until(() -> api("todo_br_mgr").get("/api/tasks").then().extract().jsonPath()
                .getString("find { it.kind == 'todo' && it.recordId == " + small + " }.id") != null);
    }

    static Locator card(Page page, String text) {
        return page.locator(".task-card").filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void theManagerCompletesARulesTodoNextToAnApproval() {
        try (BrowserSession s = BrowserSession.open(base)) {
            Page page = s.page();
            s.login("todo_br_mgr", TestUsers.PASSWORD);
            page.navigate("/inbox");
            int count = Integer.parseInt(page.locator("#inbox-count").textContent().strip());
            Locator approval = card(page, "杭州湾新区开发集团");
            assertThat(approval.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("通过"))).isVisible();
            Locator todo = card(page, "慈溪家电配件厂");
            assertThat(todo.locator(".badge")).hasText("待办");
            assertThat(todo.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("慈溪家电配件厂")))
                    .hasAttribute("href", "/forms/" + FORM + "/records/" + small);
            assertThat(todo.locator(".task-due")).containsText("截止 ");
            assertThat(todo.locator(".task-due")).containsText(" 23:59");
            assertThat(todo.locator("textarea")).hasCount(0);
            s.screenshot("inbox-todo-zh");

            todo.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("完成")).click();
            Locator done = page.locator(".task-done").filter(new Locator.FilterOptions().setHasText("慈溪家电配件厂"));
            assertThat(done).containsText("已完成");
            assertThat(done).containsText("三天内电话回访，确认采购计划");
            assertThat(page.locator("#inbox-count")).hasText(String.valueOf(count - 1));
            assertThat(approval.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("通过"))).isVisible();
            s.screenshot("inbox-todo-done-zh");

            page.reload();
            assertThat(card(page, "慈溪家电配件厂")).hasCount(0);
            assertThat(card(page, "杭州湾新区开发集团")).hasCount(1);
        }
    }

    @Test
    void onAPhoneInEnglish() {
        int another = create("todo_br_rep", FORM, "{\"name\":\"Ningbo Port Supplies\",\"revenue\":12}");
        await().atMost(Duration.ofSeconds(30)).until(() -> api("todo_br_mgr").get("/api/tasks").then().extract().jsonPath()
                .getString("find { it.kind == 'todo' && it.recordId == " + another + " }.id") != null);
        try (BrowserSession s = BrowserSession.open(base, 390, 844, "en-US")) {
            Page page = s.page();
            s.login("todo_br_mgr", TestUsers.PASSWORD);
            page.navigate("/inbox");
            Locator todo = card(page, "Ningbo Port Supplies");
            assertThat(todo.locator(".badge")).hasText("To-do");
            assertThat(todo.locator(".task-due")).containsText("Due ");
            assertThat(todo.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done"))).isVisible();
            s.screenshot("inbox-todo-phone-en");
        }
    }
}
