package io.tierflow.ui.records;

import static io.tierflow.ui.testing.PageClient.api;
import static io.tierflow.ui.testing.PageClient.page;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Member and team fields as searchable pickers: active people by name or username, teams by name, a handful at a
 * time; the chosen one shown by name, on the new page, after a pick and on the record page.
 */
@QuarkusTest
class MemberPickerPagesTest {

    static final String FORM = "ui_member_visit";

    @Inject
    UserDirectory users;

    @Inject
    Pool pool;

    Caller colleague;

    @BeforeEach
    void form() {
        FormFixtures.people(users);
        colleague = TestUsers.ensure(users, "mp_li", Role.SALES, "east");
        pool.preparedQuery("UPDATE app_user SET display_name = $2 WHERE id = $1").execute(Tuple.of(colleague.id(), "李拜访"))
                .await().indefinitely();
        Caller gone = TestUsers.ensure(users, "mp_li_gone", Role.SALES, "east");
        pool.preparedQuery("UPDATE app_user SET display_name = '李离职', active = false WHERE id = $1").execute(Tuple.of(gone.id()))
                .await().indefinitely();
        for (int i = 0; i < 12; i++) {
            TestUsers.ensure(users, "mp_many_" + i, Role.SALES, "east");
        }
        if (api("east_mgr").get("/api/forms/" + FORM).statusCode() == 404) {
            api("east_mgr").body("""
                    {"key":"ui_member_visit","name":"拜访","fields":[
                      {"key":"subject","label":"主题","type":"text","required":true},
                      {"key":"visitor","label":"拜访人","type":"member"},
                      {"key":"team","label":"负责团队","type":"team"}]}""").post("/api/forms").then().statusCode(201);
        }
    }

    @Test
    void thePickerSearchesActivePeopleAndShowsTheChosenOneByName() {
        String base = "/forms/" + FORM + "/member/";
        page("east_rep").get("/forms/" + FORM + "/new").then().statusCode(200)
                .body(containsString("class=\"relation-picker member-picker\" id=\"v-visitor-picker\""),
                        containsString("hx-get=\"" + base + "visitor/search\""), containsString("<label for=\"v-visitor-q\">"),
                        containsString("role=\"combobox\""), containsString("name=\"values.visitor\" value=\"\""));

        page("east_rep").queryParam("q", "李").get(base + "visitor/search").then().statusCode(200)
                .body(containsString("李拜访"), containsString("mp_li · east"), not(containsString("李离职")),
                        containsString("picker?pick=" + colleague.id()), not(containsString("<html")));
        page("east_rep").queryParam("q", "MP_LI").get(base + "visitor/search").then().statusCode(200)
                .body(containsString("李拜访"), not(containsString("李离职")));
        // a handful at a time: people narrow by typing
        String many = page("east_rep").queryParam("q", "mp_many").get(base + "visitor/search").then().statusCode(200)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(MemberPicker.RESULTS, many.split("class=\"relation-option\"", -1).length - 1);
        page("east_rep").queryParam("q", "没有这个人").get(base + "visitor/search").then().statusCode(200)
                .body(containsString("没有与“没有这个人”匹配的人。"));
        page("east_rep").queryParam("q", "eas").get(base + "team/search").then().statusCode(200)
                .body(containsString(">east<"), not(containsString("李拜访")));

        // picking gives the picker again with the chosen one by name; × empties it
        page("east_rep").queryParam("pick", colleague.id()).get(base + "visitor/picker").then().statusCode(200)
                .body(containsString("name=\"values.visitor\" value=\"" + colleague.id() + "\""), containsString("<span>李拜访</span>"),
                        containsString("aria-label=\"移除“李拜访”\""), not(containsString("type=\"search\"")));
        page("east_rep").get(base + "visitor/picker").then().statusCode(200)
                .body(containsString("name=\"values.visitor\" value=\"\""), containsString("type=\"search\""));

        // only member and team fields have pickers
        page("east_rep").get(base + "subject/search").then().statusCode(404);

        // saved, the record page shows the person and the team by name
        long team = users.ensureTeam("east").await().indefinitely();
        int id = api("east_rep").body("{\"values\":{\"subject\":\"季度回访\",\"visitor\":" + colleague.id() + ",\"team\":" + team + "}}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(201).extract().path("id");
        page("east_rep").get("/forms/" + FORM + "/records/" + id).then().statusCode(200)
                .body(containsString("<span>李拜访</span>"), containsString("<span>east</span>"));
    }
}
