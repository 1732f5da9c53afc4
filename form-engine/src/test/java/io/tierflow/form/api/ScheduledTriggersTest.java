package io.tierflow.form.api;

import static io.tierflow.core.TestUsers.json;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.core.journal.EffectDispatcher;
import io.tierflow.form.FormFixtures;
import io.tierflow.form.trigger.ScheduledTriggerRunner;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scheduled trigger rules with time windows over a child form: "no follow-up for 30 days" and "at least 2
 * follow-ups in the last 7 days" fire once when they start to hold, run once per due time, and bad schedules or
 * windows are answered by path.
 */
@QuarkusTest
class ScheduledTriggersTest {

    @Inject
    UserDirectory users;

    @Inject
    EffectDispatcher dispatcher;

    @Inject
    ScheduledTriggerRunner runner;

    private static long create(String form, Map<String, Object> values) {
        return json("east_mgr").body(Map.of("values", values)).post("/api/forms/" + form + "/records").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static List<String> tags(String form, long id) {
        return json("east_mgr").get("/api/forms/" + form + "/records/" + id).then().statusCode(200).extract().jsonPath().getList("tags");
    }

    @Test
    void timeWindowRulesFireOnceWhenTheyStartToHold() throws Exception {
        FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "sched_customer");
        json("east_mgr").body("""
                {"key":"sched_follow_up","name":"跟进记录","fields":[{"key":"note","label":"内容","type":"text"},
                  {"key":"customer","label":"客户","type":"relation","config":{"form":"sched_customer"}},
                  {"key":"date","label":"跟进日期","type":"date"}]}""").post("/api/forms").then().statusCode(201);
        json("east_mgr").body("""
                [{"id":"churn","name":"30 天未跟进","when":"schedule","cron":"0 9 * * *",
                  "window":{"form":"sched_follow_up","relation":"customer","date":"date","days":30,"atMost":0},
                  "actions":[{"type":"add_tags","tags":["churn_warning"]}]},
                 {"id":"hot","name":"7 天内至少 2 次跟进","when":"schedule","cron":"0 9 * * *","condition":"IFNULL(revenue, 0) >= 0",
                  "window":{"form":"sched_follow_up","relation":"customer","date":"date","days":7,"atLeast":2},
                  "actions":[{"type":"add_tags","tags":["hot"]}]}]""")
                .put("/api/forms/sched_customer/triggers").then().statusCode(200);
        LocalDate today = LocalDate.now();
        long recent = create("sched_customer", Map.of("name", "常联系"));
        long lapsed = create("sched_customer", Map.of("name", "久未联系"));
        long never = create("sched_customer", Map.of("name", "从未联系"));
        create("sched_follow_up", Map.of("note", "拜访", "customer", recent, "date", today.minusDays(3).toString()));
        create("sched_follow_up", Map.of("note", "电话", "customer", recent, "date", today.minusDays(1).toString()));
        create("sched_follow_up", Map.of("note", "拜访", "customer", lapsed, "date", today.minusDays(40).toString()));

        ZonedDateTime tenToday = ZonedDateTime.now(ZoneId.systemDefault()).withHour(10).withMinute(0);
        int fired = runner.runDue(tenToday);
        assertTrue(fired >= 3, "lapsed and never (churn), recent (hot): " + fired);
        dispatcher.drain();
        assertEquals(List.of("hot"), tags("sched_customer", recent));
        assertEquals(List.of("churn_warning"), tags("sched_customer", lapsed));
        assertEquals(List.of("churn_warning"), tags("sched_customer", never));
        json("east_mgr").get("/api/forms/sched_customer/records/" + lapsed + "/rule-log").then().statusCode(200)
                .body("rule", hasItem("churn")).body("event", hasItem("schedule"));

        assertEquals(0, runner.runDue(tenToday.plusMinutes(30)), "already ran for today's 9:00");
        // tomorrow: still lapsed, so no second warning; a follow-up for "never" takes it out of the window
        create("sched_follow_up", Map.of("note", "终于联系", "customer", never, "date", today.toString()));
        assertEquals(0, runner.runDue(tenToday.plusDays(1)));
        // the day after, "never" lapses again in this test's clock only if 30 days pass; it stays out meanwhile
        assertEquals(0, runner.runDue(tenToday.plusDays(2)));
    }

    @Test
    void badSchedulesAndWindowsAreAnsweredByPath() {
        FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "sched_bad");
        json("east_mgr").body("""
                [{"id":"a","name":"a","when":"schedule","cron":"every day","actions":[{"type":"add_tags","tags":["x"]}]},
                 {"id":"b","name":"b","when":"update","window":{"form":"sched_bad","relation":"name","date":"name","days":0,"atLeast":1,"atMost":2},
                  "actions":[{"type":"add_tags","tags":["x"]}]}]""")
                .put("/api/forms/sched_bad/triggers").then().statusCode(400)
                .body("errors.field", hasItems("triggers[0].cron", "triggers[1].window", "triggers[1].window.days",
                        "triggers[1].window.atLeast", "triggers[1].window.relation", "triggers[1].window.date"));
    }
}
