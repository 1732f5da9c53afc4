package io.tierflow.ui.inbox;

import static io.restassured.RestAssured.given;
import static io.tierflow.ui.inbox.Approvals.approvalStatus;
import static io.tierflow.ui.inbox.Approvals.awaitTask;
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
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import io.tierflow.ui.testing.PageClient;
import io.tierflow.ui.web.Csrf;
import io.tierflow.ui.web.Flash;

/** The inbox page over HTTP: whose tasks it lists, approving and rejecting with htmx and without JS. */
@QuarkusTest
class InboxPageTest {

    static final String FORM = "ui_tasks_customer";
    private static boolean formCreated;

    @Inject
    UserDirectory users;

    @BeforeEach
    void form() {
        if (!formCreated) {
            FormFixtures.people(users);
            FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), FORM);
            formCreated = true;
        }
    }

    /** A logged-in page request as a browser makes it. */
    static RequestSpecification page(String user) {
        return given().redirects().follow(false).cookie("tierflow_session", TestUsers.login(user)).accept("text/html");
    }

    /** A POST as htmx sends it: the token in the header, the comment as a form field. */
    static RequestSpecification htmx(String user, String comment) {
        String token = PageClient.csrfToken();
        RequestSpecification r = page(user).cookie(Csrf.COOKIE, token).header(Csrf.HEADER, token).header("HX-Request", "true")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        return r.formParam("comment", comment);
    }

    /** A plain form POST (no JS): the token in the hidden field. */
    static RequestSpecification plain(String user, String comment) {
        String token = PageClient.csrfToken();
        return PageClient.form(token).cookie("tierflow_session", TestUsers.login(user)).accept("text/html")
                .formParam("comment", comment);
    }

    @Test
    void theManagerSeesTheTaskOfATierARecordAndTheRepsDoNot() {
        int id = create("east_rep", FORM, "{\"name\":\"宁波港务集团\",\"revenue\":300}");
        awaitTask("east_mgr", FORM, id);

        page("east_mgr").get("/inbox").then().statusCode(200)
                .body(containsString("宁波港务集团"))
                .body(containsString("href=\"/forms/" + FORM + "/records/" + id + "\""))
                .body(containsString("class=\"badge tier-badge tier-1\""))
                .body(containsString(">通过<")).body(containsString(">驳回<"))
                .body(containsString("name=\"" + Csrf.FIELD + "\""));
        page("east_rep").get("/inbox").then().statusCode(200)
                .body(not(containsString("宁波港务集团"))).body(containsString("暂无待办"));
        page("west_rep").get("/inbox").then().statusCode(200).body(not(containsString("宁波港务集团")));
        page("east_mgr").header("Accept-Language", "en").cookie("tierflow_lang", "en").get("/inbox").then()
                .body(containsString(">Approve<")).body(containsString("My tasks"));
    }

    @Test
    void rejectingWithoutACommentShowsTheErrorUnderTheTextarea() {
        int id = create("east_rep", FORM, "{\"name\":\"嘉兴纺织\",\"revenue\":250}");
        String task = awaitTask("east_mgr", FORM, id);

        // htmx: the card comes back with the error, for htmx to swap in place of the old one
        htmx("east_mgr", "  ").post("/inbox/" + task + "/reject").then().statusCode(400)
                .body(matchesPattern("(?s)\\s*<article class=\"card task-card\" id=\"task-" + task + "\".*</article>\\s*"))
                .body(containsString("驳回时请填写理由"))
                .body(containsString("aria-invalid=\"true\""))
                .body(not(containsString("<html")));
        // without JS: the whole page again, with the error on that card
        plain("east_mgr", "").post("/inbox/" + task + "/reject").then().statusCode(400)
                .body(containsString("<html")).body(containsString("嘉兴纺织"))
                .body(containsString("<p class=\"field-error\" id=\"comment-" + task + "-error\">驳回时请填写理由</p>"));
        org.junit.jupiter.api.Assertions.assertEquals("pending", approvalStatus("east_rep", FORM, id));

        // with a reason it goes through, and the record says so
        htmx("east_mgr", "营收数据待核实").post("/inbox/" + task + "/reject").then().statusCode(200)
                .body(containsString("已驳回")).body(containsString("营收数据待核实"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "rejected".equals(approvalStatus("east_rep", FORM, id)));
    }

    @Test
    void approvingWithHtmxReplacesTheCardAndWritesTheOutcomeToTheRecord() {
        int id = create("east_rep", FORM, "{\"name\":\"温州眼镜<b>厂</b>\",\"revenue\":280}");
        String task = awaitTask("east_mgr", FORM, id);

        htmx("west_rep", "").post("/inbox/" + task + "/approve").then().statusCode(404)
                .body(containsString("task-gone")).body(containsString("不属于您"));

        htmx("east_mgr", "老客户，同意").post("/inbox/" + task + "/approve").then().statusCode(200)
                .header("Content-Type", containsString("text/html"))
                .body(matchesPattern("(?s)\\s*<article class=\"card task-card task-done task-approved\".*"))
                .body(containsString("已通过"))
                .body(containsString("温州眼镜&lt;b&gt;厂&lt;/b&gt;")) // the title is escaped
                .body(containsString("hx-swap-oob=\"true\""));
        await().atMost(Duration.ofSeconds(20)).until(() -> "approved".equals(approvalStatus("east_rep", FORM, id)));
        page("east_mgr").get("/inbox").then().body(not(containsString("/records/" + id + "\"")));

        // a second decision on the same task: it is gone
        htmx("east_mgr", "").post("/inbox/" + task + "/approve").then().statusCode(404).body(containsString("已失效"));
    }

    @Test
    void withoutJsADecisionRedirectsBackWithAFlash() {
        int id = create("east_rep", FORM, "{\"name\":\"台州汽配\",\"revenue\":260}");
        String task = awaitTask("east_mgr", FORM, id);

        String flash = plain("east_mgr", "").post("/inbox/" + task + "/approve").then().statusCode(303)
                .header("Location", equalTo("/inbox"))
                .cookie(Flash.COOKIE, containsString("success:ui.inbox.flash.approved"))
                .extract().cookie(Flash.COOKIE);
        await().atMost(Duration.ofSeconds(20)).until(() -> "approved".equals(approvalStatus("east_rep", FORM, id)));
        page("east_mgr").cookie(Flash.COOKIE, flash).get("/inbox").then() // sent back as the browser keeps it
                .body(containsString("<div class=\"flash flash-success\" role=\"status\">已通过。</div>"));

        plain("east_mgr", "").post("/inbox/" + task + "/approve").then().statusCode(404)
                .body(containsString("<html")).body(containsString("已被处理"));
    }

    @Test
    void aDecisionWithoutTheCsrfTokenIsRefused() {
        int id = create("east_rep", FORM, "{\"name\":\"绍兴黄酒\",\"revenue\":300}");
        String task = awaitTask("east_mgr", FORM, id);
        page("east_mgr").contentType("application/x-www-form-urlencoded").formParam("comment", "ok")
                .post("/inbox/" + task + "/approve").then().statusCode(403);
        org.junit.jupiter.api.Assertions.assertEquals("pending", approvalStatus("east_rep", FORM, id));
    }
}
