package io.tierflow.ui.records;

import static io.tierflow.ui.testing.PageClient.api;
import static io.tierflow.ui.testing.PageClient.page;
import static io.tierflow.ui.testing.PageClient.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;

/**
 * Relation fields on the pages: the searchable picker (by title, only records the user may see), linked
 * records by title on the record page, the reverse side ("related records") with a prefilled "new" link; and
 * the record page's rule log.
 */
@QuarkusTest
class RelationPagesTest {

    static final String CUSTOMER = "ui_rel_customer";
    static final String ORDER = "ui_rel_order";
    static final String ORDER_FORM = """
            {"key":"%s","name":"订单","fields":[
              {"key":"title","label":"订单名称","type":"text","required":true},
              {"key":"customer","label":"客户","type":"relation","config":{"form":"%s"}},
              {"key":"amount","label":"金额","type":"number"}]}""".formatted(ORDER, CUSTOMER);

    @Inject
    UserDirectory users;

    @BeforeEach
    void customersAndOrders() {
        FormFixtures.people(users);
        if (api("east_mgr").get("/api/forms/" + ORDER).statusCode() == 404) {
            String manager = TestUsers.login("east_mgr");
            FormFixtures.createCustomerForm(manager, CUSTOMER);
            api("east_mgr").body(ORDER_FORM).post("/api/forms").then().statusCode(201);
            api("east_mgr").body("""
                    [{"id":"big","name":"大客户提醒","when":"update","fields":["revenue"],"condition":"revenue >= 100",
                      "actions":[{"type":"notify","to":"manager","message":"大客户出现"}]}]""")
                    .put("/api/forms/" + CUSTOMER + "/triggers").then().statusCode(200);
        }
    }

    static int create(String user, String form, String values) {
        return api(user).body("{\"values\":" + values + "}").post("/api/forms/" + form + "/records")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void thePickerSearchesVisibleRecordsByTitleAndLinksThem() {
        int east = create("east_rep", CUSTOMER, "{\"name\":\"关联甲公司\",\"revenue\":10}");
        int other = create("east_rep", CUSTOMER, "{\"name\":\"关联乙公司\",\"revenue\":20}");
        int west = create("west_rep", CUSTOMER, "{\"name\":\"关联西区公司\",\"revenue\":30}");

        page("east_rep").get("/forms/" + ORDER + "/new").then().statusCode(200)
                .body(containsString("class=\"relation-picker"), containsString("/forms/" + ORDER + "/relation/customer/search"),
                        containsString("name=\"values.customer\" value=\"\""));

        page("east_rep").header("HX-Request", "true").queryParam("q", "关联").get("/forms/" + ORDER + "/relation/customer/search")
                .then().statusCode(200)
                .body(containsString("关联甲公司"), containsString("关联乙公司"), not(containsString("关联西区公司")),
                        containsString("picker?add=" + east), not(containsString("<html")));
        // what is linked already is not offered again
        page("east_rep").queryParam("q", "关联").queryParam("values.customer", String.valueOf(east))
                .get("/forms/" + ORDER + "/relation/customer/search").then().statusCode(200)
                .body(not(containsString("关联甲公司")), containsString("关联乙公司"));
        page("east_rep").queryParam("q", "没有这家").get("/forms/" + ORDER + "/relation/customer/search").then()
                .body(containsString("没有找到包含“没有这家”的记录。"));

        // choosing a record gives the picker again with its chip; a single relation replaces its record
        page("east_rep").queryParam("add", east).get("/forms/" + ORDER + "/relation/customer/picker").then().statusCode(200)
                .body(containsString("name=\"values.customer\" value=\"" + east + "\""),
                        containsString("href=\"/forms/" + CUSTOMER + "/records/" + east + "\""), containsString(">关联甲公司<"),
                        containsString("更换"));
        page("east_rep").queryParam("values.customer", String.valueOf(east)).queryParam("add", other)
                .get("/forms/" + ORDER + "/relation/customer/picker").then()
                .body(containsString("value=\"" + other + "\""), containsString("关联乙公司"), not(containsString("关联甲公司")));
        // a record the user may not see stays a bare id, without its title
        page("east_rep").queryParam("add", west).get("/forms/" + ORDER + "/relation/customer/picker").then()
                .body(containsString(">#" + west + "<"), not(containsString("关联西区公司")));
        // only relation fields have a picker
        page("east_rep").get("/forms/" + ORDER + "/relation/amount/search").then().statusCode(404);
    }

    @Test
    void aRecordShowsItsLinkByTitleAndTheOtherSideListsItsRelatedRecords() {
        int customer = create("east_rep", CUSTOMER, "{\"name\":\"关联丙公司\",\"revenue\":10}");
        Response saved = post("east_rep").formParam("values.title", "丙公司首单").formParam("values.customer", String.valueOf(customer))
                .formParam("values.amount", "88").post("/forms/" + ORDER + "/records");
        saved.then().statusCode(303);
        String order = saved.header("Location").substring(saved.header("Location").indexOf("/forms/"));

        page("east_rep").get(order).then().statusCode(200)
                .body(containsString("class=\"relation-chip\""), containsString("href=\"/forms/" + CUSTOMER + "/records/" + customer + "\""),
                        containsString(">关联丙公司<"), containsString("value=\"" + customer + "\""));

        page("east_rep").get("/forms/" + CUSTOMER + "/records/" + customer).then().statusCode(200)
                .body(containsString("关联记录"), containsString("通过「客户」关联"), containsString(">丙公司首单<"),
                        containsString("href=\"" + order + "\""),
                        containsString("href=\"/forms/" + ORDER + "/new?values.customer=" + customer + "\""), containsString("新建订单"));

        // the "new" link fills the relation in
        page("east_rep").queryParam("values.customer", String.valueOf(customer)).get("/forms/" + ORDER + "/new").then().statusCode(200)
                .body(containsString("name=\"values.customer\" value=\"" + customer + "\""), containsString(">关联丙公司<"));

        // the grid shows linked records by title too
        page("east_rep").get("/forms/" + ORDER).then().statusCode(200)
                .body(containsString("<a href=\"/forms/" + CUSTOMER + "/records/" + customer + "\">关联丙公司</a>"));
    }

    @Test
    void theRecordPageListsTheRulesThatRan() {
        int id = create("east_rep", CUSTOMER, "{\"name\":\"规则客户\",\"revenue\":10}");
        page("east_rep").get("/forms/" + CUSTOMER + "/records/" + id).then().statusCode(200)
                .body(containsString("规则记录"), containsString("还没有规则为这条记录运行过。"));

        api("east_rep").body("{\"version\":1,\"values\":{\"revenue\":20}}").patch("/api/forms/" + CUSTOMER + "/records/" + id)
                .then().statusCode(200);
        api("east_rep").body("{\"version\":2,\"values\":{\"revenue\":150}}").patch("/api/forms/" + CUSTOMER + "/records/" + id)
                .then().statusCode(200).body("version", equalTo(3));

        page("east_rep").get("/forms/" + CUSTOMER + "/records/" + id).then().statusCode(200)
                .body(containsString("大客户提醒"), containsString("修改时"), containsString("条件成立，已执行"),
                        containsString("发送通知"), containsString("条件不成立，未执行"), containsString("第 3 版"));
    }
}
