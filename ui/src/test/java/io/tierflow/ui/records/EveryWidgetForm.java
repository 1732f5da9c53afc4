package io.tierflow.ui.records;

import static io.tierflow.ui.testing.PageClient.api;

import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;

/** A customer profile with a field of every input widget, for the widget tests (created by a manager). */
final class EveryWidgetForm {

    static final String JSON = """
            {"key":"%s","name":"客户档案","fields":[
              {"key":"name","label":"客户名称","type":"text","required":true},
              {"key":"revenue","label":"年营收(万元)","type":"number"},
              {"key":"deal","label":"合同金额","type":"money","config":{"currency":"CNY"}},
              {"key":"margin","label":"毛利率","type":"percent"},
              {"key":"stars","label":"满意度","type":"rating","config":{"max":5}},
              {"key":"signed","label":"签约日期","type":"date"},
              {"key":"next_visit","label":"下次拜访","type":"datetime"},
              {"key":"key_account","label":"重点客户","type":"checkbox"},
              {"key":"email","label":"联系邮箱","type":"email"},
              {"key":"phone","label":"联系电话","type":"phone"},
              {"key":"site","label":"公司官网","type":"url"},
              {"key":"industry","label":"行业","type":"single_select","config":{"options":[
                {"key":"it","label":"信息技术"},{"key":"retail","label":"零售"},{"key":"mfg","label":"制造"}]}},
              {"key":"channels","label":"获客渠道","type":"multi_select","config":{"options":[
                {"key":"web","label":"官网咨询"},{"key":"expo","label":"展会"},{"key":"referral","label":"老客户转介绍"},
                {"key":"ads","label":"广告投放"}]}},
              {"key":"notes","label":"备注","type":"textarea"},
              {"key":"files","label":"资料附件","type":"attachment","config":{"accept":"pdf,png,txt","maxSizeMb":2}},
              {"key":"region","label":"所在地区","type":"china_region"},
              {"key":"lines","label":"采购明细","type":"sub_table","config":{"columns":[
                {"key":"product","label":"产品","type":"text","required":true},
                {"key":"qty","label":"数量","type":"number"},
                {"key":"price","label":"单价","type":"money"},
                {"key":"kind","label":"类别","type":"single_select","config":{"options":[
                  {"key":"std","label":"标准件"},{"key":"custom","label":"定制件"}]}}]}},
              {"key":"score","label":"评分","type":"formula","config":{"formula":"IFNULL(revenue, 0) * 0.4 + IFNULL(stars, 0) * 5"}}],
             "tierModel":{"rules":[{"tier":"A","condition":"score >= 80"},{"tier":"B","condition":"score >= 40"},
                                   {"tier":"C","condition":"true"}]}}""";

    private EveryWidgetForm() {
    }

    /**
     * The fixture's people, and the form under {@code key} created by east_mgr unless the (long-lived) test
     * database has it already.
     */
    static void ensure(UserDirectory users, String key) {
        FormFixtures.people(users);
        if (api("east_mgr").get("/api/forms/" + key).statusCode() == 404) {
            api("east_mgr").body(JSON.formatted(key)).post("/api/forms").then().statusCode(201);
        }
    }
}
