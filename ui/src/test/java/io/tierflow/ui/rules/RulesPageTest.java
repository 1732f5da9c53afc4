package io.tierflow.ui.rules;

import static io.tierflow.ui.testing.PageClient.api;
import static io.tierflow.ui.testing.PageClient.page;
import static io.tierflow.ui.testing.PageClient.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import io.tierflow.ui.testing.PageClient;

/**
 * The tier model pages over HTTP: versions, a draft in the editor, a save refused at the failing rule, a
 * simulation's matrix, publish (records re-tiered) and rollback, and who may open them.
 */
@QuarkusTest
class RulesPageTest {

    @Inject
    UserDirectory users;

    @BeforeEach
    void people() {
        FormFixtures.people(users);
    }

    /** A fresh customer form (A: score ≥ 80, B: ≥ 40, C: the rest; A needs approval) with three records. */
    static String form(String key) {
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), key);
        // score = revenue * 0.4: 120 → A, 60 → B, 4 → C
        for (String values : new String[] { "{\"name\":\"大客户\",\"revenue\":300}", "{\"name\":\"中客户\",\"revenue\":150}",
                "{\"name\":\"小客户\",\"revenue\":10}" }) {
            api("east_rep").body("{\"values\":" + values + "}").post("/api/forms/" + key + "/records").then().statusCode(201);
        }
        return key;
    }

    static int newDraft(String form) {
        String location = post("east_mgr").post("/forms/" + form + "/rules/drafts").then().statusCode(303)
                .extract().header("Location");
        assertThat(location, matchesPattern("/forms/" + form + "/rules/\\d+"));
        return Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The editor's form as the browser posts it: three tier rules and the approval of tier A. */
    static RequestSpecification rules(String user, String a, String b, String c) {
        return post(user).formParam("rules[0].tier", "A").formParam("rules[0].condition", a)
                .formParam("rules[1].tier", "B").formParam("rules[1].condition", b)
                .formParam("rules[2].tier", "C").formParam("rules[2].condition", c)
                .formParam("approval.enabled", "on").formParam("approval.tiers", "A")
                .formParam("approval.statusField", "approval_status").formParam("approval.process", "tier_approval")
                .formParam("note", "阈值下调");
    }

    static String tierOf(String form, String name) {
        return api("east_mgr").get("/api/forms/" + form + "/records?q=" + name).then().statusCode(200)
                .extract().path("items[0].tier");
    }

    @Test
    void buildersSeeTheVersionsAndOpenADraftCopiedFromTheLiveOne() {
        String form = form("ui_rules_list");
        page("east_mgr").get("/forms/" + form + "/rules").then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("分层模型：客户"), containsString("data-version=\"1\" data-status=\"published\""),
                        containsString(">生效中</span>"), containsString("3 条规则"), containsString("+ 新建草稿")));
        int draft = newDraft(form);
        assertThat(draft, equalTo(2));
        page("east_mgr").get("/forms/" + form + "/rules/" + draft).then().statusCode(200)
                .body(allOf(containsString("分层模型 v2"), containsString(">草稿</span>"),
                        containsString("name=\"rules[0].tier\" value=\"A\""),
                        containsString("name=\"rules[0].condition\" rows=\"1\""), containsString(">score &gt;= 80</textarea>"),
                        containsString("name=\"rules[2].condition\""), containsString("value=\"A\" checked"),
                        containsString("<option value=\"approval_status\" selected>"),
                        containsString("/webjars/codemirror/5.65.21/lib/codemirror.js"), containsString("/js/formula-editor.js"),
                        containsString("id=\"formula-catalog\""), containsString("\"key\":\"revenue\",\"label\":\"年营收(万元)\""),
                        containsString("\"ok\":\"有效，结果是{0}\""), containsString("id=\"tpl-rule\""), not(containsString("cdn"))));
        // the list now offers the draft instead of a new one
        page("east_mgr").get("/forms/" + form + "/rules").then().statusCode(200)
                .body(allOf(containsString("继续编辑草稿 v2"), containsString("data-version=\"2\" data-status=\"draft\"")));
        // the live version opens read-only
        page("east_mgr").get("/forms/" + form + "/rules/1").then().statusCode(200)
                .body(allOf(containsString("此版本已不能修改"), containsString("readonly>score &gt;= 80</textarea>"),
                        not(containsString("id=\"tpl-rule\""))));
        page("east_mgr").get("/forms/" + form + "/rules/99").then().statusCode(404);
    }

    @Test
    void aBadConditionIsShownAtItsRuleAndNothingIsSaved() {
        String form = form("ui_rules_bad");
        int draft = newDraft(form);
        String html = rules("east_mgr", "score >= 80", "revenue > ", "true").formParam("then", "save")
                .post("/forms/" + form + "/rules/" + draft).then().statusCode(400).contentType(startsWith("text/html"))
                .body(allOf(containsString("草稿未保存"), containsString(">revenue &gt;</textarea>"), containsString("阈值下调")))
                .extract().asString();
        // the message sits in the second rule's row, under its condition, naming the rule, line and column
        Matcher row = Pattern.compile("<li class=\"rule-row has-error\" data-item>(.*?)</li>", Pattern.DOTALL).matcher(html);
        assertThat(row.find(), equalTo(true));
        assertThat(row.group(1), allOf(containsString("name=\"rules[1].condition\""),
                containsString("<p class=\"field-error\" data-server-error>第 2 条分层规则（B）：第 1 行")));
        assertThat(row.find(), equalTo(false));
        // what was stored is unchanged
        api("east_mgr").get("/api/forms/" + form + "/rules/" + draft).then().statusCode(200)
                .body("tierModel.rules[1].condition", equalTo("score >= 40")).body("note", equalTo(null));

        // a weight that is not a number is caught before the service, at its dimension
        post("east_mgr").formParam("scores[0].key", "value_score").formParam("scores[0].kind", "weighted")
                .formParam("scores[0].dimensions[0].key", "value").formParam("scores[0].dimensions[0].weight", "很多")
                .formParam("scores[0].dimensions[0].formula", "revenue").formParam("rules[0].tier", "A")
                .formParam("rules[0].condition", "true").formParam("then", "save")
                .post("/forms/" + form + "/rules/" + draft).then().statusCode(400)
                .body(allOf(containsString("name=\"scores[0].dimensions[0].weight\" value=\"很多\""), containsString("“很多”不是数字。")));

        // English, and a good save
        post("east_mgr").header("Accept-Language", "en").formParam("rules[0].tier", "").formParam("rules[0].condition", "true")
                .formParam("then", "save").post("/forms/" + form + "/rules/" + draft).then().statusCode(400)
                .body(containsString("The draft was not saved."));
        rules("east_mgr", "score >= 70", "score >= 30", "true").formParam("then", "save").post("/forms/" + form + "/rules/" + draft)
                .then().statusCode(303).header("Location", equalTo("/forms/" + form + "/rules/" + draft));
        api("east_mgr").get("/api/forms/" + form + "/rules/" + draft).then().statusCode(200)
                .body("tierModel.rules[0].condition", equalTo("score >= 70")).body("note", equalTo("阈值下调"))
                .body("approval.tiers[0]", equalTo("A"));
    }

    @Test
    void simulatingShowsTheMigrationMatrixCountsAndSankeyData() {
        String form = form("ui_rules_sim");
        int draft = newDraft(form);
        // B needs 50 now: the 60-point customer moves up to A (and would need approval), the others stay
        rules("east_mgr", "score >= 50", "score >= 10", "true").formParam("then", "simulate")
                .post("/forms/" + form + "/rules/" + draft).then().statusCode(303)
                .header("Location", equalTo("/forms/" + form + "/rules/" + draft + "?simulate=1#simulation"));
        page("east_mgr").get("/forms/" + form + "/rules/" + draft + "?simulate=1").then().statusCode(200)
                .body(containsString("hx-get=\"/forms/" + form + "/rules/" + draft + "/simulation\" hx-trigger=\"load\""));
        String sim = page("east_mgr").header("HX-Request", "true").get("/forms/" + form + "/rules/" + draft + "/simulation").then()
                .statusCode(200).body(allOf(not(containsString("<html")), containsString("如果现在发布版本 " + draft),
                        containsString("data-kpi=\"total\">3<"), containsString("data-kpi=\"changed\">1<"),
                        containsString("data-kpi=\"approvals\">1<"), containsString("id=\"sim-sankey-data\""),
                        containsString("\"source\":\"B\",\"target\":\"A\u200b\",\"value\":1,\"moved\":true"),
                        containsString("<a href=\"/forms/" + form + "/records/")))
                .extract().asString();
        // rows: now A, B, C; columns: after A, B, C. B → A is a move of one record, whose sample is the 中客户
        assertThat(sim, containsString("class=\"sim-cell is-moved\" data-cell=\"sim-cell-1-0\" aria-controls=\"sim-cell-1-0\" aria-expanded=\"false\">1</button>"));
        assertThat(sim, containsString("class=\"sim-cell is-stays\" data-cell=\"sim-cell-0-0\""));
        Matcher samples = Pattern.compile("<div class=\"sim-samples\" id=\"sim-cell-1-0\" hidden>(.*?)</div>", Pattern.DOTALL).matcher(sim);
        assertThat(samples.find(), equalTo(true));
        assertThat(samples.group(1), allOf(containsString(">中客户</a>"), not(containsString("大客户"))));
        // per-tier counts: A 1 → 2, B 1 → 0
        assertThat(sim, matchesPattern("(?s).*<tr><th scope=\"row\"><span class=\"badge tier-badge tier-1\">A</span></th><td class=\"num\">1</td><td class=\"num\">2</td><td class=\"num sim-up\">\\+1</td></tr>.*"));
        // nothing was written by simulating
        assertThat(tierOf(form, "中客户"), equalTo("B"));
    }

    @Test
    void publishingReTiersTheRecordsAndAnArchivedVersionCanBeRolledBackTo() {
        String form = form("ui_rules_publish");
        int draft = newDraft(form);
        rules("east_mgr", "score >= 50", "score >= 10", "true").formParam("then", "publish")
                .post("/forms/" + form + "/rules/" + draft).then().statusCode(303)
                .header("Location", equalTo("/forms/" + form + "/rules/" + draft));
        api("east_mgr").get("/api/forms/" + form + "/rules/" + draft).then().body("status", equalTo("published"));
        assertThat(tierOf(form, "中客户"), equalTo("A"));
        String live = page("east_mgr").get("/forms/" + form + "/rules/" + draft).then().statusCode(200)
                .body(allOf(containsString(">生效中</span>"), containsString("class=\"retier-job\""), containsString("data-status=\"done\""),
                        containsString("已检查 3/3 条记录 · 1 条换了层级"))).extract().asString();
        // the job's own fragment, which htmx polls while a job runs; a finished one no longer asks to be polled
        Matcher job = Pattern.compile("id=\"job-(\\d+)\"").matcher(live);
        assertThat(job.find(), equalTo(true));
        page("east_mgr").header("HX-Request", "true").header("Accept-Language", "en").get("/forms/" + form + "/rules/jobs/" + job.group(1))
                .then().statusCode(200).body(allOf(not(containsString("<html")), containsString("data-status=\"done\""),
                        not(containsString("hx-trigger")), containsString("3 of 3 records checked · 1 changed tier · 1 approvals started")));
        page("east_mgr").get("/forms/" + form + "/rules").then().statusCode(200)
                .body(allOf(containsString("data-version=\"1\" data-status=\"archived\""),
                        containsString("action=\"/forms/" + form + "/rules/1/rollback\""), containsString("data-confirm=\"重新启用版本 1？")));

        post("east_mgr").post("/forms/" + form + "/rules/1/rollback").then().statusCode(303)
                .header("Location", equalTo("/forms/" + form + "/rules/1"));
        api("east_mgr").get("/api/forms/" + form + "/rules/1").then().body("status", equalTo("published"));
        assertThat(tierOf(form, "中客户"), equalTo("B"));
        // a published version cannot be published again from the editor
        rules("east_mgr", "true", "true", "true").formParam("then", "publish").post("/forms/" + form + "/rules/1").then()
                .statusCode(409);
    }

    /** A weighted score (bands and a plain value), an RFM score (quintiles), rules that read them, a stage and a tag. */
    static RequestSpecification scored(String user) {
        return post(user).formParam("scores[0].key", "value_score").formParam("scores[0].label", "综合评分")
                .formParam("scores[0].kind", "weighted")
                .formParam("scores[0].dimensions[0].key", "value").formParam("scores[0].dimensions[0].label", "客户价值")
                .formParam("scores[0].dimensions[0].weight", "40").formParam("scores[0].dimensions[0].formula", "IFNULL(revenue, 0)")
                .formParam("scores[0].dimensions[0].scoring", "bands")
                .formParam("scores[0].dimensions[0].bands.thresholds", "100，200").formParam("scores[0].dimensions[0].bands.scores", "10, 50, 100")
                .formParam("scores[0].dimensions[0].quintiles", "high_is_better")
                .formParam("scores[0].dimensions[1].key", "activity").formParam("scores[0].dimensions[1].weight", "30")
                .formParam("scores[0].dimensions[1].formula", "MIN(IFNULL(visits, 0) * 10, 100)")
                .formParam("scores[0].dimensions[1].scoring", "none")
                .formParam("scores[1].key", "rfm").formParam("scores[1].label", "RFM").formParam("scores[1].kind", "rfm")
                .formParam("scores[1].dimensions[0].key", "r").formParam("scores[1].dimensions[0].formula", "IFNULL(revenue, 0)")
                .formParam("scores[1].dimensions[0].scoring", "quintiles").formParam("scores[1].dimensions[0].quintiles", "low_is_better")
                .formParam("scores[1].dimensions[1].key", "f").formParam("scores[1].dimensions[1].formula", "IFNULL(revenue, 0)")
                .formParam("scores[1].dimensions[1].scoring", "quintiles").formParam("scores[1].dimensions[1].quintiles", "high_is_better")
                .formParam("scores[1].dimensions[2].key", "m").formParam("scores[1].dimensions[2].formula", "IFNULL(revenue, 0)")
                .formParam("scores[1].dimensions[2].scoring", "quintiles").formParam("scores[1].dimensions[2].quintiles", "high_is_better")
                .formParam("rules[0].tier", "A").formParam("rules[0].condition", "value_score >= 70")
                .formParam("rules[1].tier", "B").formParam("rules[1].condition", "rfm >= 9")
                .formParam("rules[2].tier", "C").formParam("rules[2].condition", "true")
                .formParam("stages[0].stage", "成熟").formParam("stages[0].condition", "revenue >= 100")
                .formParam("tags[0].tag", "big").formParam("tags[0].condition", "value > 50");
    }

    @Test
    void aPercentRankDimensionIsSavedAndOpensAgainAsOne() {
        String form = form("ui_rules_rank");
        int draft = newDraft(form);
        scored("east_mgr").formParam("scores[0].dimensions[1].scoring", "percentRank")
                .formParam("scores[0].dimensions[1].quintiles", "low_is_better").formParam("then", "save")
                .post("/forms/" + form + "/rules/" + draft).then().statusCode(303);
        api("east_mgr").get("/api/forms/" + form + "/rules/" + draft).then().statusCode(200)
                .body("tierModel.scores[0].dimensions[1].percentRank", equalTo("low_is_better"))
                .body("tierModel.scores[0].dimensions[1].quintiles", equalTo(null));
        page("east_mgr").get("/forms/" + form + "/rules/" + draft).then().statusCode(200)
                .body(allOf(containsString("data-scoring=\"percentRank\""), containsString("表内百分位排名（0–99）")));
    }

    @Test
    void scoresStagesAndTagsAreEditedSavedAndGetTheirQuintileBoundariesFromASimulation() {
        String form = form("ui_rules_scores");
        int draft = newDraft(form);
        // a dimension formula that does not parse: the message is in that dimension's row
        String html = scored("east_mgr").formParam("scores[0].dimensions[1].formula", "visits +").formParam("then", "save")
                .post("/forms/" + form + "/rules/" + draft).then().statusCode(400).extract().asString();
        Matcher bad = Pattern.compile("<li class=\"dim-row has-error\" data-item data-scoring=\"none\">(.*?)</li>", Pattern.DOTALL).matcher(html);
        assertThat(bad.find(), equalTo(true));
        assertThat(bad.group(1), allOf(containsString("name=\"scores[0].dimensions[1].formula\""), containsString("class=\"field-error\"")));
        assertThat(html, containsString("value=\"100, 200\""));

        scored("east_mgr").formParam("then", "save").post("/forms/" + form + "/rules/" + draft).then().statusCode(303);
        api("east_mgr").get("/api/forms/" + form + "/rules/" + draft).then().statusCode(200)
                .body("tierModel.scores[0].dimensions[0].bands.thresholds", org.hamcrest.Matchers.contains(100, 200))
                .body("tierModel.scores[0].dimensions[0].weight", equalTo(40))
                .body("tierModel.scores[0].dimensions[1].bands", equalTo(null))
                .body("tierModel.scores[1].kind", equalTo("rfm"))
                .body("tierModel.scores[1].dimensions[0].quintiles", equalTo("low_is_better"))
                .body("tierModel.stages[0].stage", equalTo("成熟")).body("tierModel.tags[0].tag", equalTo("big"));
        page("east_mgr").get("/forms/" + form + "/rules/" + draft).then().statusCode(200)
                .body(allOf(containsString("name=\"scores[0].key\" value=\"value_score\""), containsString("data-scoring=\"bands\""),
                        containsString("class=\"score-card is-rfm\""), containsString("name=\"stages[0].stage\" value=\"成熟\""),
                        containsString("name=\"tags[0].tag\" value=\"big\""), containsString("模拟或发布时按现有记录计算")));

        // the simulation computes the quintile boundaries, stores them in the draft and hands them to the editor
        page("east_mgr").header("HX-Request", "true").get("/forms/" + form + "/rules/" + draft + "/simulation").then().statusCode(200)
                .body(allOf(containsString("id=\"bnd-scores-1--dimensions-0-\" hx-swap-oob=\"true\""),
                        containsString("基于 3 条记录计算"), containsString("data-kpi=\"total\">3<")));
        page("east_mgr").get("/forms/" + form + "/rules/" + draft).then().statusCode(200).body(containsString("基于 3 条记录计算"));
        // saved again as the page posts it (boundaries in hidden inputs), then published: they are kept
        api("east_mgr").get("/api/forms/" + form + "/rules/" + draft).then()
                .body("tierModel.scores[1].dimensions[2].boundariesOver", equalTo(3));
    }

    @Test
    void salesCannotOpenTheEditorAndPostsNeedTheCsrfToken() {
        String form = form("ui_rules_perm");
        page("east_rep").get("/forms/" + form + "/rules").then().statusCode(403).contentType(startsWith("text/html"));
        page("east_rep").get("/forms/" + form + "/rules/1").then().statusCode(403);
        page("east_rep").header("HX-Request", "true").get("/forms/" + form + "/rules/1/simulation").then().statusCode(403);
        post("east_rep").post("/forms/" + form + "/rules/drafts").then().statusCode(403);
        post("east_rep").post("/forms/" + form + "/rules/1/rollback").then().statusCode(403);
        page("east_rep").get("/forms").then().statusCode(200).body(not(containsString("/rules\"")));
        page("east_mgr").get("/forms").then().statusCode(200).body(containsString("href=\"/forms/" + form + "/rules\""));
        // no token: refused before anything happens
        io.restassured.RestAssured.given().cookie("tierflow_session", PageClient.login("east_mgr", TestUsers.PASSWORD))
                .accept("text/html").redirects().follow(false).post("/forms/" + form + "/rules/drafts").then().statusCode(403);
        api("east_mgr").get("/api/forms/" + form + "/rules").then().statusCode(200).body("size()", equalTo(1));
        page("east_mgr").get("/forms/no_such_form/rules").then().statusCode(404);
    }
}
