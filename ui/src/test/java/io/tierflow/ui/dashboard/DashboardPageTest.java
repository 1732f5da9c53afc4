package io.tierflow.ui.dashboard;

import static io.restassured.RestAssured.given;
import static io.tierflow.ui.inbox.Approvals.create;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;

/** The dashboard over HTTP: the embedded chart data counts what each viewer may see. */
@QuarkusTest
class DashboardPageTest {

    static final String FORM = "ui_dash_customer";
    private static boolean seeded;

    @Inject
    UserDirectory users;

    /**
     * Score = revenue × 0.4 (+ visits × 3): A ≥ 80, B ≥ 40, else C. East's rep has an A and a C, east's
     * manager a B, west's rep an A and a B.
     */
    @BeforeEach
    void seed() {
        if (!seeded) {
            FormFixtures.people(users);
            FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), FORM);
            create("east_rep", FORM, "{\"name\":\"杭州云栖\",\"revenue\":300,\"industry\":\"it\"}");
            create("east_rep", FORM, "{\"name\":\"温州小店\",\"revenue\":20,\"industry\":\"retail\"}");
            create("east_mgr", FORM, "{\"name\":\"宁波商贸\",\"revenue\":100,\"industry\":\"retail\"}");
            create("west_rep", FORM, "{\"name\":\"成都大客户\",\"revenue\":400,\"industry\":\"it\"}");
            create("west_rep", FORM, "{\"name\":\"重庆火锅\",\"revenue\":150}");
            seeded = true;
        }
    }

    static String html(String user, String query) {
        return given().cookie("tierflow_session", TestUsers.login(user)).accept("text/html")
                .get("/dashboard" + query).then().statusCode(200).extract().asString();
    }

    /** The JSON of the {@code <script type="application/json">} element with this id. */
    static JsonPath data(String html, String id) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"" + id + "\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        if (!m.find()) {
            throw new AssertionError("no " + id + " in\n" + html);
        }
        return JsonPath.from(m.group(1));
    }

    static Integer slice(JsonPath pie, String tier) {
        return pie.get("slices.find { it.name == '" + tier + "' }.value");
    }

    @Test
    void eachViewerCountsTheRecordsTheyMaySee() {
        JsonPath rep = data(html("east_rep", "?form=" + FORM), "tier-pie-data");
        assertEquals(2, rep.getInt("total"));
        assertEquals(1, slice(rep, "A"));
        assertNull(slice(rep, "B"));
        assertEquals(1, slice(rep, "C"));

        JsonPath manager = data(html("east_mgr", "?form=" + FORM), "tier-pie-data");
        assertEquals(3, manager.getInt("total"));
        assertEquals(List.of(1, 1, 1), List.of(slice(manager, "A"), slice(manager, "B"), slice(manager, "C")));

        JsonPath west = data(html("west_rep", "?form=" + FORM), "tier-pie-data");
        assertEquals(2, west.getInt("total"));
        assertEquals(List.of(1, 1), List.of(slice(west, "A"), slice(west, "B")));

        JsonPath admin = data(html("root_admin", "?form=" + FORM), "tier-pie-data");
        assertEquals(5, admin.getInt("total"));
        assertEquals(List.of(2, 2, 1), List.of(slice(admin, "A"), slice(admin, "B"), slice(admin, "C")));
        assertEquals("/forms/" + FORM + "?tier=A", admin.getString("slices.find { it.name == 'A' }.href"));
        assertEquals("tier-1", admin.getString("slices.find { it.name == 'A' }.css"));
        assertEquals("tier-3", admin.getString("slices.find { it.name == 'C' }.css"));
    }

    @Test
    void theKpiRowShowsEveryTierEvenAnEmptyOne() {
        String rep = html("east_rep", "?form=" + FORM);
        // the rep has no B customer, yet B is part of the model and shows as 0
        Matcher b = Pattern.compile("data-tier=\"B\">\\s*<span class=\"kpi-label\"><span class=\"badge tier-badge tier-2\">B</span></span>\\s*"
                + "<span class=\"kpi-value\">(\\d+)</span>").matcher(rep);
        assertTrue(b.find(), rep);
        assertEquals("0", b.group(1));
        assertThat(rep, containsString("<span class=\"kpi-value\">2</span>"));
        assertThat(rep, containsString("src=\"/_static/echarts/6.0.0/dist/echarts.min.js\""));
        assertThat(rep, containsString("src=\"/js/dashboard.js\""));
    }

    @Test
    void theBarsCountBySingleSelectFieldInOptionOrder() {
        JsonPath admin = data(html("root_admin", "?form=" + FORM), "field-bar-data");
        // industry is picked over approval_status, the form's status field; the record without one is "(empty)"
        assertEquals(List.of("信息技术", "零售", "（空）"), admin.getList("categories"));
        assertEquals(List.of(2, 2, 1), admin.getList("values"));

        JsonPath byStatus = data(html("root_admin", "?form=" + FORM + "&by=approval_status"), "field-bar-data");
        // the two tier-A customers wait for approval; the others never needed one
        assertEquals(List.of("待审批", "已通过", "已驳回", "（空）"), byStatus.getList("categories"));
        assertEquals(List.of(2, 0, 0, 3), byStatus.getList("values"));
    }

    @Test
    void aFormWithoutVisibleRecordsShowsZerosAndNoChart() {
        given().cookie("tierflow_session", TestUsers.login("east_mgr")).contentType("application/json")
                .body(FormFixtures.CUSTOMER.formatted("ui_dash_empty")).post("/api/forms").then().statusCode(201);
        String page = html("east_rep", "?form=ui_dash_empty");
        assertThat(page, containsString("这张表单还没有您可查看的记录"));
        assertThat(page, not(containsString("id=\"tier-pie\"")));
        assertThat(page, containsString("<span class=\"kpi-value\">0</span>"));
    }

    @Test
    void theRoleIsOfferedOnlyTheFormsAndFieldsItMaySee() {
        String manager = TestUsers.login("east_mgr");
        for (String key : List.of("ui_dash_secret", "ui_dash_fields")) {
            given().cookie("tierflow_session", manager).contentType("application/json")
                    .body(FormFixtures.CUSTOMER.formatted(key)).post("/api/forms").then().statusCode(201);
        }
        permissions("ui_dash_secret", "{\"SALES\":{\"actions\":[],\"scope\":\"own\"}}");
        permissions("ui_dash_fields", "{\"SALES\":{\"actions\":[\"view\",\"create\"],\"scope\":\"own\",\"fields\":{\"industry\":\"hidden\"}}}");
        create("east_rep", "ui_dash_fields", "{\"name\":\"义乌小商品\",\"revenue\":50}");

        String rep = html("east_rep", "?form=ui_dash_fields");
        assertThat(rep, not(containsString("value=\"ui_dash_secret\"")));
        assertThat(rep, not(containsString(">行业</option>")));
        assertEquals(List.of("待审批", "已通过", "已驳回", "（空）"), data(rep, "field-bar-data").getList("categories"));
        given().cookie("tierflow_session", TestUsers.login("east_rep")).accept("text/html")
                .get("/dashboard?form=ui_dash_secret").then().statusCode(404);
        assertThat(html("east_mgr", "?form=ui_dash_fields"), containsString(">行业</option>"));
    }

    static void permissions(String form, String body) {
        given().cookie("tierflow_session", TestUsers.login("root_admin")).contentType("application/json").body(body)
                .put("/api/forms/" + form + "/permissions").then().statusCode(200);
    }

    @Test
    void anUnknownFormIsNotFoundAndTheDefaultPageRenders() {
        given().cookie("tierflow_session", TestUsers.login("east_mgr")).accept("text/html")
                .get("/dashboard?form=no_such_form").then().statusCode(404).body(containsString("没有这张表单"));
        assertThat(html("east_mgr", ""), containsString("id=\"tier-pie\""));
    }
}
