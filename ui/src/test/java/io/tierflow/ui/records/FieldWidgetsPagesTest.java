package io.tierflow.ui.records;

import static io.tierflow.ui.testing.PageClient.api;
import static io.tierflow.ui.testing.PageClient.page;
import static io.tierflow.ui.testing.PageClient.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tierflow.core.identity.UserDirectory;

/**
 * Every field type's input over HTTP: what the new-record page renders, that a post of each widget is
 * stored as the type means it, that stored values come back into the inputs, and that the record page
 * tells the story (timeline, why this tier) with labels and display values.
 */
@QuarkusTest
class FieldWidgetsPagesTest {

    static final String FORM = "ui_widgets_rest";
    static final String BASE = "/forms/" + FORM;

    @Inject
    UserDirectory users;

    @BeforeEach
    void form() {
        EveryWidgetForm.ensure(users, FORM);
    }

    @Test
    void theNewRecordPageHasTheRightInputForEachType() {
        page("east_rep").get(BASE + "/new").then().statusCode(200)
                .body(containsString("<textarea id=\"v-notes\" name=\"values.notes\" rows=\"3\">"),
                        containsString("id=\"v-signed\" name=\"values.signed\" type=\"date\""),
                        containsString("id=\"v-next_visit\" name=\"values.next_visit\" type=\"datetime-local\""),
                        containsString("type=\"email\""), containsString("type=\"tel\""), containsString("type=\"url\""),
                        containsString("<span class=\"unit unit-before\">¥</span>"),
                        containsString("<span class=\"unit unit-after\">%</span>"),
                        containsString("<option value=\"4\">★★★★☆ 4</option>"),
                        containsString("<option value=\"0\">☆☆☆☆☆ 0</option>"),
                        containsString("<option value=\"true\">是</option>"), containsString("<option value=\"\">未填写</option>"),
                        containsString("<input type=\"hidden\" name=\"values.channels\" value=\"\">"),
                        containsString("<input type=\"checkbox\" name=\"values.channels\" value=\"referral\"><span>老客户转介绍</span>"),
                        not(containsString("name=\"values.score\"")));
    }

    @Test
    void eachWidgetPostsWhatItsTypeStoresAndStoredValuesComeBack() {
        Response saved = post("east_rep").formParam("values.name", "温州眼镜城").formParam("values.revenue", "200")
                .formParam("values.deal", "12000.5").formParam("values.margin", "18.5").formParam("values.stars", "4")
                .formParam("values.signed", "2026-03-01").formParam("values.next_visit", "2026-03-01T14:30")
                .formParam("values.key_account", "true").formParam("values.email", "buyer@wzglasses.cn")
                .formParam("values.phone", "0577-88886666").formParam("values.site", "https://wzglasses.cn")
                .formParam("values.industry", "retail").formParam("values.channels", "", "web", "referral")
                .formParam("values.notes", "第一行\n第二行").post(BASE + "/records");
        saved.then().statusCode(303);
        String location = saved.header("Location");
        String recordPath = location.substring(location.indexOf("/forms/"));
        long id = Long.parseLong(recordPath.substring(recordPath.lastIndexOf('/') + 1));

        JsonPath stored = api("east_rep").get("/api/forms/" + FORM + "/records/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("web", "referral"), stored.getList("values.channels"));
        assertEquals(true, stored.getBoolean("values.key_account"));
        assertEquals(4, stored.getInt("values.stars"));
        assertEquals("2026-03-01", stored.getString("values.signed"));
        assertEquals(Instant.parse("2026-03-01T06:30:00Z"), OffsetDateTime.parse(stored.getString("values.next_visit")).toInstant());
        assertEquals("A", stored.getString("tier")); // 200 * 0.4 + 4 * 5 = 100

        page("east_rep").get(recordPath).then().statusCode(200)
                .body(containsString("value=\"2026-03-01\""), containsString("value=\"2026-03-01T14:30\""),
                        containsString("value=\"12000.5\""), containsString("value=\"18.5\""),
                        containsString("<option value=\"4\" selected>"), containsString("<option value=\"true\" selected>"),
                        containsString("<option value=\"retail\" selected>"),
                        containsString("value=\"web\" checked>"), containsString("value=\"referral\" checked>"),
                        containsString("value=\"expo\"><span>"), containsString(">第一行\n第二行</textarea>"),
                        // the timeline lists what was set, as people read it
                        containsString("创建了记录"), containsString("¥12,000.50"), containsString("官网咨询、老客户转介绍"),
                        containsString("★★★★"), containsString("2026-03-01 14:30"),
                        // and the tier's reason: rule 1 held, reading the score
                        containsString("为什么是 A 层"), containsString("score &gt;= 80"), containsString("决定层级"));

        // untick every channel (only the hidden empty value is posted), say no, and leave the rest
        post("east_rep").formParam("version", "1").formParam("values.channels", "").formParam("values.key_account", "false")
                .post(recordPath).then().statusCode(303);
        api("east_rep").get("/api/forms/" + FORM + "/records/" + id).then()
                .body("values.channels", nullValue()).body("values.key_account", equalTo(false))
                .body("values.signed", equalTo("2026-03-01")).body("version", equalTo(2));
        page("east_rep").get(recordPath).then()
                .body(containsString("修改了记录"), containsString("<option value=\"false\" selected>"),
                        not(containsString("value=\"web\" checked>")),
                        containsString("<span class=\"tl-from\">官网咨询、老客户转介绍</span>"),
                        containsString("<span class=\"tl-from\">✓</span>"));
    }

    @Test
    void aRefusedSaveKeepsWhatEachWidgetHeld() {
        post("east_rep").formParam("values.name", "台州模具").formParam("values.signed", "2026-02-30")
                .formParam("values.channels", "", "expo", "ads").formParam("values.stars", "3").post(BASE + "/records")
                .then().statusCode(400)
                .body(containsString("id=\"v-signed-error\""), containsString("value=\"2026-02-30\""),
                        containsString("value=\"expo\" checked>"), containsString("value=\"ads\" checked>"),
                        not(containsString("value=\"web\" checked>")), containsString("<option value=\"3\" selected>"));
    }

    @Test
    void filesRegionsAndSubTablesRenderTheirPartsAndPostTheirJson() {
        page("east_rep").get(BASE + "/new").then().statusCode(200)
                .body(containsString("data-upload-url=\"/api/forms/" + FORM + "/fields/files/attachments\""),
                        containsString("accept=\".pdf,.png,.txt\""), containsString("pdf, png, txt；单个不超过 2 MB，最多 10 个文件。"),
                        containsString("<option value=\"310000\">上海市</option>"), containsString("data-level=\"district\""),
                        containsString("<th scope=\"col\">产品<span class=\"required\" aria-hidden=\"true\">*</span></th>"),
                        containsString("data-add-row>添加一行</button>"), containsString("<option value=\"std\">标准件</option>"));
        String file = api("east_rep").contentType("multipart/form-data").multiPart("file", "quote.txt", "quote: 3 x 12.5".getBytes(),
                "text/plain").post("/api/forms/" + FORM + "/fields/files/attachments").then().statusCode(201).extract().path("id");
        String files = "[{\"id\":\"" + file + "\"}]";
        String region = "{\"province\":\"330000\",\"city\":\"330100\",\"district\":\"330106\"}";
        // a bad cell: the page comes back with every widget as it was and the cell marked
        post("east_rep").formParam("values.name", "明细客户").formParam("values.files", files).formParam("values.region", region)
                .formParam("values.lines", "[{\"product\":\"螺丝\",\"qty\":\"3\"},{\"product\":\"垫片\",\"qty\":\"许多\"}]")
                .post(BASE + "/records").then().statusCode(400)
                .body(containsString("第 2 项：应为数字，例如 1200 或 12.5。"), containsString("class=\"subtable-cell has-error\""),
                        containsString("value=\"许多\""), containsString("<option value=\"330106\" selected>西湖区</option>"),
                        containsString("href=\"/api/attachments/" + file + "\""));
        Response saved = post("east_rep").formParam("values.name", "明细客户").formParam("values.files", files)
                .formParam("values.region", region)
                .formParam("values.lines", "[{\"product\":\"螺丝\",\"qty\":\"3\",\"price\":\"1,200.5\",\"kind\":\"std\"}]")
                .post(BASE + "/records");
        saved.then().statusCode(303);
        String location = saved.header("Location");
        String recordPath = location.substring(location.indexOf("/forms/"));
        long id = Long.parseLong(recordPath.substring(recordPath.lastIndexOf('/') + 1));
        JsonPath stored = api("east_rep").get("/api/forms/" + FORM + "/records/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("quote.txt", stored.getString("values.files[0].name"));
        assertEquals("330106", stored.getString("values.region.district"));
        assertEquals(1200.5f, stored.getFloat("values.lines[0].price"));
        page("east_rep").get(recordPath).then().statusCode(200)
                .body(containsString(">quote.txt</a>"), containsString("<option value=\"330100\" selected>杭州市</option>"),
                        containsString("value=\"1200.5\""), containsString("<option value=\"std\" selected>标准件</option>"),
                        // the list shows names, and the sub-table's rows as its cells
                        containsString("创建了记录"));
        page("east_rep").queryParam("q", "明细客户").get(BASE).then().statusCode(200)
                .body(containsString("浙江省 / 杭州市 / 西湖区"), containsString("螺丝，3，¥1,200.50，标准件"), containsString("quote.txt"));
    }

    @Test
    void theListShowsEachTypesDisplay() {
        api("east_rep").body("{\"values\":{\"name\":\"列表显示客户\",\"key_account\":true,\"stars\":2,\"margin\":7,"
                + "\"channels\":[\"expo\"],\"deal\":3000}}").post("/api/forms/" + FORM + "/records").then().statusCode(201);
        page("east_rep").queryParam("q", "列表显示客户").get(BASE).then().statusCode(200)
                .body(containsString(">✓<"), containsString(">★★<"), containsString(">7%<"), containsString(">展会<"),
                        containsString(">¥3,000.00<"));
    }
}
