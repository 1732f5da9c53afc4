package io.tierflow.form;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;

/**
 * A customer form like the demo template's, and users around it: manager {@code east_mgr} leads team east
 * with {@code east_rep}; {@code west_rep} is on another team.
 */
public final class FormFixtures {

    public static final String CUSTOMER = """
            {"key":"%s","name":"客户","fields":[
              {"key":"name","label":"客户名称","type":"text","required":true},
              {"key":"revenue","label":"年营收(万元)","type":"number","config":{"min":0}},
              {"key":"visits","label":"拜访次数","type":"number"},
              {"key":"industry","label":"行业","type":"single_select","config":{"options":[
                {"key":"it","label":"信息技术"},{"key":"retail","label":"零售"}]}},
              {"key":"score","label":"评分","type":"formula","config":{"formula":"IFNULL(revenue, 0) * 0.4 + IFNULL(visits, 0) * 3"}},
              {"key":"approval_status","label":"审批状态","type":"single_select","config":{"options":[
                {"key":"pending","label":"待审批"},{"key":"approved","label":"已通过"},{"key":"rejected","label":"已驳回"}]}}],
             "tierModel":{"rules":[{"tier":"A","condition":"score >= 80"},{"tier":"B","condition":"score >= 40"},
                                   {"tier":"C","condition":"true"}]},
             "approval":{"tiers":["A"],"statusField":"approval_status"}}""";

    /**
     * A tier model for {@link #CUSTOMER} with every kind of part: a weighted score (revenue banded, visits scaled),
     * RFM by quintiles, ordered rules on the score, two lifecycle stages and two computed tags.
     */
    public static final String SCORED_MODEL = """
            {"scores":[
               {"key":"value_score","label":"综合评分","kind":"weighted","dimensions":[
                  {"key":"value","label":"客户价值","weight":40,"formula":"IFNULL(revenue, 0)",
                   "bands":{"thresholds":[100,1000],"scores":[10,50,100]}},
                  {"key":"activity","label":"活跃度","weight":60,"formula":"MIN(IFNULL(visits, 0) * 10, 100)"}]},
               {"key":"rfm","label":"RFM","kind":"rfm","dimensions":[
                  {"key":"r","label":"最近","formula":"IFNULL(visits, 0)","quintiles":"low_is_better"},
                  {"key":"f","label":"频次","formula":"IFNULL(visits, 0)","quintiles":"high_is_better"},
                  {"key":"m","label":"金额","formula":"IFNULL(revenue, 0)","quintiles":"high_is_better"}]}],
             "rules":[{"tier":"A","condition":"value_score >= 60"},{"tier":"B","condition":"value_score >= 30"},
                      {"tier":"C","condition":"true"}],
             "stages":[{"stage":"沉睡","condition":"IFNULL(visits, 0) == 0"},{"stage":"活跃","condition":"activity >= 50"}],
             "tags":[{"tag":"big_spender","condition":"m >= 4"},{"tag":"needs_visit","condition":"IFNULL(visits, 0) < 3"}]}""";

    private FormFixtures() {
    }

    public record People(Caller manager, Caller rep, Caller otherRep, Caller admin) {
    }

    public static People people(UserDirectory users) {
        Caller manager = TestUsers.ensure(users, "east_mgr", Role.MANAGER, "east");
        users.setTeamManager(manager.teamId(), manager.id()).await().indefinitely();
        Caller rep = TestUsers.ensure(users, "east_rep", Role.SALES, "east");
        Caller other = TestUsers.ensure(users, "west_rep", Role.SALES, "west");
        Caller admin = TestUsers.ensure(users, "root_admin", Role.ADMIN, null);
        return new People(manager, rep, other, admin);
    }

    /** Creates the customer form under {@code key} as the manager; returns nothing, the key is the handle. */
    public static void createCustomerForm(String managerCookie, String key) {
        given().cookie("tierflow_session", managerCookie).contentType(ContentType.JSON)
                .body(CUSTOMER.formatted(key))
                .post("/api/forms").then().statusCode(201);
    }
}
