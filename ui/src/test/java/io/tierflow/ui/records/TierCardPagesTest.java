package io.tierflow.ui.records;

import static io.tierflow.ui.testing.PageClient.api;
import static io.tierflow.ui.testing.PageClient.page;
import static io.tierflow.ui.testing.PageClient.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;

/**
 * The record page explains the tier now: a weighted score and RFM by quintiles with what each dimension adds,
 * the rules with the one that decided, the lifecycle stage and tags beside the tier, and a trigger's override
 * with its end, reason and the model's own tier. A rep who may not see the revenue sees its points but never its
 * value; a rep of another team gets "not found". The grid offers stage and tags as read-only columns.
 */
@QuarkusTest
class TierCardPagesTest {

    static final String FORM = "ui_tier_card";
    static final String BASE = "/forms/" + FORM;

    static final String MODEL = FormFixtures.SCORED_MODEL;

    /** The rep's role may not see the revenue; the team scope lets them see the manager's records. */
    static final String PERMISSIONS = """
            {"SALES":{"actions":["view","create","edit"],"scope":"team","fields":{"revenue":"hidden"}}}""";

    static final String TRIGGERS = """
            [{"id":"vip_lift","name":"战略客户","when":"update","fields":["industry"],"condition":"industry == \\"it\\"",
              "actions":[{"type":"override_tier","tier":"B","days":30,"reason":"战略行业"}]}]""";

    @Inject
    UserDirectory users;

    static long big;
    static long pinned;

    @BeforeEach
    void scoredCustomers() {
        FormFixtures.people(users);
        if (api("east_mgr").get("/api/forms/" + FORM).statusCode() != 404) {
            return;
        }
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), FORM);
        api("root_admin").body(PERMISSIONS).put("/api/forms/" + FORM + "/permissions").then().statusCode(200);
        api("east_mgr").body(TRIGGERS).put("/api/forms/" + FORM + "/triggers").then().statusCode(200);
        for (int i = 1; i <= 4; i++) {
            create("普通客户" + i, i * 100, i);
        }
        big = create("大客户", 4321, 8);
        pinned = create("信息公司", 4300, 7);
        // a published version: the quintile boundaries are computed over these six records
        int version = api("east_mgr").body("{\"tierModel\":" + MODEL + ",\"note\":\"scores\"}")
                .post("/api/forms/" + FORM + "/rules").then().statusCode(201).extract().jsonPath().getInt("version");
        api("east_mgr").post("/api/forms/" + FORM + "/rules/" + version + "/simulate").then().statusCode(200);
        api("east_mgr").post("/api/forms/" + FORM + "/rules/" + version + "/publish").then().statusCode(200);
        // the trigger overrides the tier through the journal, which the app's dispatcher applies
        long v = api("east_mgr").get("/api/forms/" + FORM + "/records/" + pinned).then().extract().jsonPath().getLong("version");
        api("east_mgr").body(Map.of("version", v, "values", Map.of("industry", "it")))
                .patch("/api/forms/" + FORM + "/records/" + pinned).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "B".equals(
                api("east_mgr").get("/api/forms/" + FORM + "/records/" + pinned).then().extract().jsonPath().getString("tierOverride.tier")));
    }

    static long create(String name, int revenue, int visits) {
        return api("east_mgr").body(Map.of("values", Map.of("name", name, "revenue", revenue, "visits", visits)))
                .post("/api/forms/" + FORM + "/records").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void theCardShowsEachScoreByDimensionTheDecidingRuleTheStageAndTheTags() {
        assertEquals("A", api("east_mgr").get("/api/forms/" + FORM + "/records/" + big).then().extract().path("tier"));
        String html = page("east_mgr").get(BASE + "/records/" + big).then().statusCode(200)
                .body(containsString("为什么是 A 层"),
                        // the weighted score: 100 points × 40 % + 80 × 60 % = 88
                        containsString("<h3 class=\"why-score-name\">综合评分</h3>"), containsString("<span class=\"why-score-total\">88</span>"),
                        containsString("客户价值</span>"), containsString("<span class=\"why-dim-value\">4,321</span>"),
                        containsString("越过 ≥ 100、≥ 1,000"), containsString(">40%<"), containsString(">60%<"),
                        containsString("<td class=\"num why-contribution\">40</td>"), containsString("<td class=\"num why-contribution\">48</td>"),
                        // the contributions as a stacked bar over 100
                        containsString("style=\"width: 40%\" title=\"客户价值: 40\""), containsString("style=\"width: 48%\" title=\"活跃度: 48\""),
                        // RFM by quintiles, computed over the six records at publish
                        containsString("<h3 class=\"why-score-name\">RFM</h3>"), containsString("基于 6 条记录"),
                        containsString("（越小越好）"),
                        // the rules: the first held and decided; it read the score by its label
                        containsString("why-rule is-decisive"), containsString("value_score &gt;= 60"), containsString("决定层级"),
                        containsString("<dt>综合评分</dt><dd>88</dd>"),
                        // stage and tags beside the tier
                        containsString("<span class=\"badge badge-stage\" title=\"生命周期阶段\">活跃</span>"),
                        containsString("<span class=\"badge badge-tag\" title=\"标签\">big_spender</span>"),
                        // the history's last change stays; the timeline names the stage and tags the re-tier set
                        containsString("上次变化："), containsString("<span class=\"tl-field\">生命周期阶段</span>"),
                        containsString("<span class=\"tl-field\">标签</span>"), not(containsString("[big_spender]")),
                        not(containsString("why-pin")))
                .extract().asString();
        assertEquals(1, html.split("is-decisive", -1).length - 1, "one rule decides");
    }

    @Test
    void anOverrideShowsItsTierEndReasonAndTheModelsTier() {
        String until = LocalDate.now().plusDays(30).toString();
        page("east_mgr").get(BASE + "/records/" + pinned).then().statusCode(200)
                .body(containsString("为什么是 B 层"), containsString("人工/规则指定为 <span class=\"badge tier-badge tier-2\">B</span>"),
                        matchesPattern("(?s).*，至 20\\d\\d-\\d\\d-\\d\\d，原因：战略行业，模型结果 <span class=\"badge tier-badge tier-1\">A</span>.*"),
                        containsString("到期后按模型重新分层"),
                        // beside the tier badge, and the change it made, by the trigger's name
                        containsString("class=\"badge badge-pin\""), containsString("规则“战略客户”"),
                        containsString("<span class=\"tl-field\">指定层级</span>"), matchesPattern("(?s).*<span class=\"tl-to\">B，至 20\\d\\d-\\d\\d-\\d\\d</span>.*"),
                        // the model's rules are still shown, evaluated as without the override
                        containsString("value_score &gt;= 60"));
        String html = page("east_mgr").get(BASE + "/records/" + pinned).then().extract().asString();
        // the last day shown is 30 days out, in the server's zone (the day may roll over while the test runs)
        boolean dated = html.contains("，至 " + until) || html.contains("，至 " + LocalDate.now().plusDays(29))
                || html.contains("，至 " + LocalDate.now().plusDays(31));
        assertEquals(true, dated, "until " + until);
        page("east_mgr").header("Accept-Language", "en").get(BASE + "/records/" + pinned).then().statusCode(200)
                .body(containsString("Why tier B"), containsString("Set by hand or by a rule to"), containsString(", reason: 战略行业"),
                        containsString("Rule “战略客户”"), containsString("Weighted score"), containsString("(lower is better)"),
                        containsString("from 6 records"));
    }

    @Test
    void aRepWhoMayNotSeeTheRevenueSeesItsPointsButNotItsValue() {
        page("east_rep").get(BASE + "/records/" + big).then().statusCode(200)
                .body(containsString("为什么是 A 层"), containsString("<span class=\"why-score-total\">88</span>"),
                        containsString("值对您不可见"), containsString("<td class=\"num why-contribution\">40</td>"),
                        not(containsString("4,321")), not(containsString("4321")), not(containsString("年营收")),
                        not(containsString("越过 ≥ 100")));
    }

    @Test
    void aRepOfAnotherTeamGetsNotFound() {
        page("west_rep").get(BASE + "/records/" + big).then().statusCode(404)
                .body(allOf(not(containsString("大客户")), not(containsString("综合评分"))));
    }

    @Test
    void theGridShowsStageAndTagsAsColumnsThePickerCanHide() {
        page("east_mgr").get(BASE).then().statusCode(200)
                .body(containsString("<th scope=\"col\">生命周期阶段</th>"), containsString("<th scope=\"col\">标签</th>"),
                        containsString("<td class=\"cell-stage\" data-label=\"生命周期阶段\"><span class=\"badge badge-stage\">活跃</span></td>"),
                        containsString("<span class=\"badge badge-tag\">big_spender</span>"),
                        containsString("value=\"_stage\" checked"), containsString("value=\"_tags\" checked"));
        // picked away: the stage column goes, the tags stay (and the choice is kept for the next visit)
        post("east_mgr").formParam("col", "name").formParam("col", "_tags").post(BASE + "/columns").then().statusCode(200)
                .body(not(containsString("生命周期阶段</th>")), containsString("<th scope=\"col\">标签</th>"),
                        not(containsString("cell-stage")));
        page("east_mgr").get(BASE).then().body(containsString("value=\"_stage\">"), containsString("value=\"_tags\" checked"),
                not(containsString("<th scope=\"col\">生命周期阶段</th>")));
        post("east_mgr").formParam("col", "name").formParam("col", "revenue").formParam("col", "_stage").formParam("col", "_tags")
                .post(BASE + "/columns").then().statusCode(200).body(containsString("<th scope=\"col\">生命周期阶段</th>"));
    }
}
