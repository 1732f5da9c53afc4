package io.tierflow.ui.inbox;

import static io.restassured.RestAssured.given;
import static io.tierflow.ui.inbox.Approvals.api;
import static io.tierflow.ui.inbox.Approvals.create;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import io.tierflow.ui.testing.PageClient;
import io.tierflow.ui.web.Csrf;
import io.tierflow.ui.web.Flash;

/**
 * A rule's create_task action as the inbox shows it: a to-do card with the record link, the due date and a Done
 * button, completed with htmx or without JS. The owner is a rep of its own ({@code todo_ui_rep}), so the other
 * inbox tests' "nothing to do" pages stay empty.
 */
@QuarkusTest
class TodoInboxPageTest {

    static final String FORM = "ui_todo_customer";
    static final String OWNER = "todo_ui_rep";
    private static boolean formCreated;

    @Inject
    UserDirectory users;

    @BeforeEach
    void form() {
        if (formCreated) {
            return;
        }
        FormFixtures.people(users);
        TestUsers.ensure(users, OWNER, Role.SALES, "todo_ui");
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), FORM);
        api("east_mgr").body("""
                [{"id":"call_back","name":"回访","when":"create","condition":"revenue < 100",
                  "actions":[{"type":"create_task","title":"回访客户","assignee":"owner","dueDays":3}]}]""")
                .put("/api/forms/" + FORM + "/triggers").then().statusCode(200);
        formCreated = true;
    }

    /** Creates a record as the owner and waits for its to-do; returns the task id. */
    private static String todoFor(int recordId) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            id[0] = api(OWNER).get("/api/tasks").then().statusCode(200).extract().jsonPath()
                    .getString("find { it.kind == 'todo' && it.formKey == '" + FORM + "' && it.recordId == " + recordId + " }.id");
            return id[0] != null;
        });
        return id[0];
    }

    static RequestSpecification page(String user) {
        return given().redirects().follow(false).cookie("tierflow_session", TestUsers.login(user)).accept("text/html");
    }

    static RequestSpecification htmx(String user) {
        String token = PageClient.csrfToken();
        return page(user).cookie(Csrf.COOKIE, token).header(Csrf.HEADER, token).header("HX-Request", "true")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    @Test
    void theOwnerSeesATodoCardWithItsRecordDueDateAndADoneButton() {
        int id = create(OWNER, FORM, "{\"name\":\"舟山渔业\",\"revenue\":20}");
        String task = todoFor(id);
        String due = api(OWNER).get("/api/tasks").then().extract().jsonPath().getString("find { it.id == '" + task + "' }.dueAt");

        String html = page(OWNER).get("/inbox").then().statusCode(200)
                .body(containsString("<article class=\"card task-card task-todo\" id=\"task-" + task + "\""))
                .body(containsString("<h2 class=\"task-title\" id=\"task-" + task + "-title\">回访客户</h2>"))
                .body(containsString("<p class=\"task-record\"><a href=\"/forms/" + FORM + "/records/" + id + "\">舟山渔业</a></p>"))
                .body(containsString("<time class=\"task-due\" datetime=\"" + due + "\">截止 "
                        + io.tierflow.ui.web.Times.format(due) + "</time>"))
                .body(containsString("hx-post=\"/inbox/" + task + "/complete\""))
                .body(containsString("action=\"/inbox/" + task + "/complete\""))
                .body(containsString(">完成<"))
                .body(containsString("name=\"" + Csrf.FIELD + "\""))
                .body(containsString("/css/inbox.css"))
                .extract().asString();
        // a to-do is completed, not approved: its card has no approve or reject button
        String card = html.substring(html.indexOf("id=\"task-" + task + "\""));
        card = card.substring(0, card.indexOf("</article>"));
        org.junit.jupiter.api.Assertions.assertFalse(card.contains("/approve") || card.contains("/reject"), card);

        page(OWNER).header("Accept-Language", "en").cookie("tierflow_lang", "en").get("/inbox").then()
                .body(containsString(">Done<")).body(containsString(">Due "));
        page("east_rep").get("/inbox").then().body(not(containsString("task-" + task + "\"")));
        page("east_mgr").get("/inbox").then().body(not(containsString("task-" + task + "\"")));
    }

    @Test
    void doneWithHtmxReplacesTheCardAndStrangersOrAMissingTokenChangeNothing() {
        int id = create(OWNER, FORM, "{\"name\":\"温岭泵业\",\"revenue\":30}");
        String task = todoFor(id);

        htmx("east_mgr").post("/inbox/" + task + "/complete").then().statusCode(404)
                .body(containsString("task-gone")).body(containsString("不属于您"));
        page(OWNER).contentType("application/x-www-form-urlencoded").post("/inbox/" + task + "/complete")
                .then().statusCode(403);
        org.junit.jupiter.api.Assertions.assertEquals(task, todoFor(id), "still open");

        htmx(OWNER).post("/inbox/" + task + "/complete").then().statusCode(200)
                .header("Content-Type", containsString("text/html"))
                .body(matchesPattern("(?s)\\s*<article class=\"card task-card task-done task-completed\".*"))
                .body(containsString("<span class=\"badge badge-success\">已完成</span>"))
                .body(containsString("回访客户 · 温岭泵业"))
                .body(containsString("hx-swap-oob=\"true\""));
        page(OWNER).get("/inbox").then().body(not(containsString("task-" + task + "\"")));
        htmx(OWNER).post("/inbox/" + task + "/complete").then().statusCode(404).body(containsString("已失效"));
    }

    @Test
    void withoutJsDoneRedirectsBackWithAFlash() {
        int id = create(OWNER, FORM, "{\"name\":\"义乌小商品\",\"revenue\":40}");
        String task = todoFor(id);

        String flash = PageClient.form(PageClient.csrfToken()).cookie("tierflow_session", TestUsers.login(OWNER))
                .accept("text/html").post("/inbox/" + task + "/complete").then().statusCode(303)
                .header("Location", equalTo("/inbox"))
                .cookie(Flash.COOKIE, containsString("success:ui.inbox.flash.completed"))
                .extract().cookie(Flash.COOKIE);
        page(OWNER).cookie(Flash.COOKIE, flash).get("/inbox").then()
                .body(containsString("<div class=\"flash flash-success\" role=\"status\">已完成。</div>"))
                .body(not(containsString("task-" + task + "\"")));
    }
}
