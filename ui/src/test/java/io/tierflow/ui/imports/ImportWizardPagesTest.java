package io.tierflow.ui.imports;

import static io.restassured.RestAssured.given;
import static io.tierflow.ui.testing.PageClient.api;
import static io.tierflow.ui.testing.PageClient.page;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.ui.testing.CustomerForms;
import io.tierflow.ui.testing.PageClient;
import io.tierflow.ui.web.Csrf;

/**
 * The import wizard over HTTP: upload, the mapping found by header (changeable per column), a dry run that
 * lists each bad row, the import in skip-bad-rows mode with its report, and a file large enough to run in the
 * background, whose progress the page polls.
 */
@QuarkusTest
class ImportWizardPagesTest {

    static final String FORM = "ui_import_customer";
    static final String BASE = "/forms/" + FORM;
    static final String CSV = "客户名称,年营收(万元),行业,备注\n导入甲,120,信息技术,老客户\n导入乙,很多,零售,\n导入丙,30,零售,新客户\n";

    @Inject
    UserDirectory users;

    @BeforeEach
    void customerForm() {
        CustomerForms.ensure(users, FORM);
    }

    /** A page POST as the browser sends a form, multipart when it carries a file. */
    static RequestSpecification post(String session) {
        String token = PageClient.csrfToken();
        return given().cookie("tierflow_session", session).cookie(Csrf.COOKIE, token).accept("text/html").redirects().follow(false)
                .formParam(Csrf.FIELD, token);
    }

    static String upload(String session, String name, String csv) {
        String token = PageClient.csrfToken();
        Response r = given().cookie("tierflow_session", session).cookie(Csrf.COOKIE, token).accept("text/html").redirects().follow(false)
                .multiPart(Csrf.FIELD, token).multiPart("file", name, csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(BASE + "/import");
        r.then().statusCode(303).header("Location", matchesPattern(".*" + BASE + "/import/[A-Za-z0-9_-]{32}$"));
        String location = r.header("Location");
        return location.substring(location.indexOf("/forms/"));
    }

    static RequestSpecification as(String session) {
        return given().cookie("tierflow_session", session).accept("text/html").redirects().follow(false);
    }

    @Test
    void uploadMapPreviewAndImportTheGoodRows() {
        String manager = TestUsers.login("east_mgr");
        as(manager).get(BASE + "/import").then().statusCode(200)
                .body(containsString("enctype=\"multipart/form-data\""), containsString("上传文件"), containsString("下载 Excel 模板"),
                        containsString("<span class=\"badge\">客户名称</span>"), not(containsString("<span class=\"badge\">评分</span>")));

        String mapping = upload(manager, "customers.csv", CSV);
        as(manager).get(mapping).then().statusCode(200)
                .body(containsString("文件“customers.csv”，共 3 行数据。"),
                        // found by header, in the file's order, with the first values
                        containsString("<label for=\"map-0\">客户名称</label>"), containsString("<span class=\"sample\">导入甲</span>"),
                        containsString("<option value=\"name\" selected>客户名称</option>"),
                        containsString("<option value=\"industry\" selected>行业</option>"),
                        // a column that matches no field is left out, and says so; computed fields are no choice
                        containsString("<label for=\"map-3\">备注</label>"), not(containsString("<option value=\"score\"")),
                        containsString("name=\"mode\" value=\"all_or_nothing\" checked"), containsString("按哪个字段更新已有记录"));

        // leave 行业 out by hand, then check
        post(manager).formParam("map.0", "name").formParam("map.1", "revenue").formParam("map.2", "").formParam("map.3", "")
                .formParam("mode", "all_or_nothing").formParam("upsertBy", "").post(mapping + "/preview")
                .then().statusCode(303).header("Location", matchesPattern(".*" + mapping + "/preview$"));
        as(manager).get(mapping + "/preview").then().statusCode(200)
                .body(containsString("3 行中有 1 行存在错误。"), containsString("<td class=\"num\" data-label=\"行号\">3</td>"),
                        containsString("应为数字，例如 1200 或 12.5。"), containsString("有 1 行存在错误，怎么处理？"),
                        containsString("尚未写入任何数据"));
        assertEquals(0, records("导入").size());
        // the mapping step remembers the choice
        as(manager).get(mapping).then().body(containsString("<option value=\"\" selected>不导入</option>"));

        Response run = post(manager).formParam("mode", "skip_bad_rows").post(mapping + "/run");
        run.then().statusCode(303).header("Location", matchesPattern(".*" + BASE + "/imports/\\d+$"));
        String job = run.header("Location").substring(run.header("Location").indexOf("/forms/"));
        as(manager).get(job).then().statusCode(200)
                .body(containsString("导入完成：新建 2 条，更新 0 条，跳过 1 行错误。"), containsString("已新建"),
                        containsString("查看记录"), containsString("返回预览"), not(containsString("every 1s")));
        List<Map<String, Object>> written = records("导入");
        assertEquals(2, written.size(), written.toString());
        assertTrue(written.stream().noneMatch(r -> ((Map<?, ?>) r.get("values")).get("industry") != null), written.toString());
    }

    @Test
    void allOrNothingRejectsAndNothingIsWritten() {
        String manager = TestUsers.login("east_mgr");
        String mapping = upload(manager, "全或无.csv", CSV.replace("导入", "全无"));
        post(manager).formParam("map.0", "name").formParam("map.1", "revenue").formParam("map.2", "industry")
                .formParam("mode", "all_or_nothing").post(mapping + "/preview").then().statusCode(303);
        Response run = post(manager).formParam("mode", "all_or_nothing").post(mapping + "/run");
        String job = run.header("Location").substring(run.header("Location").indexOf("/forms/"));
        as(manager).get(job).then().statusCode(200).body(containsString("没有写入任何记录"));
        assertEquals(0, records("全无").size());
    }

    @Test
    void wrongFilesAndOtherPeopleAreTurnedAway() {
        String manager = TestUsers.login("east_mgr");
        // sales staff may not import by default
        as(TestUsers.login("east_rep")).get(BASE + "/import").then().statusCode(403);
        // an empty file, and a file whose header matches nothing: mapped by hand then
        String token = PageClient.csrfToken();
        given().cookie("tierflow_session", manager).cookie(Csrf.COOKIE, token).accept("text/html").redirects().follow(false)
                .multiPart(Csrf.FIELD, token).multiPart("file", "空.csv", new byte[0], "text/csv").post(BASE + "/import")
                .then().statusCode(400).body(containsString("请先选择一个文件。"));
        String mapping = upload(manager, "外来.csv", "公司,收入\n映射甲,50\n");
        as(manager).get(mapping).then().statusCode(200)
                .body(containsString("<label for=\"map-0\">公司</label>"), containsString("<option value=\"\" selected>不导入</option>"));
        // a mapping onto a field that cannot be written is refused with the reason
        post(manager).formParam("map.0", "name").formParam("map.1", "score").post(mapping + "/preview").then().statusCode(400)
                .body(containsString("alert-error"));
        post(manager).formParam("map.0", "name").formParam("map.1", "revenue").post(mapping + "/preview").then().statusCode(303);
        as(manager).get(mapping + "/preview").then().body(containsString("1 行全部检查通过，可以导入。"));
        // another user cannot reach the upload
        as(TestUsers.login("root_admin")).get(mapping).then().statusCode(404);
    }

    @Test
    void aLargeFileRunsInTheBackgroundAndThePagePollsItsProgress() {
        String manager = TestUsers.login("east_mgr");
        StringBuilder csv = new StringBuilder("客户名称,年营收(万元)\n");
        for (int i = 0; i < 1100; i++) {
            csv.append("批量").append(i).append(',').append(i % 7 == 0 ? "坏值" : String.valueOf(i)).append('\n');
        }
        String mapping = upload(manager, "批量.csv", csv.toString());
        post(manager).formParam("map.0", "name").formParam("map.1", "revenue").formParam("mode", "skip_bad_rows")
                .post(mapping + "/preview").then().statusCode(303);
        Response run = post(manager).formParam("mode", "skip_bad_rows").post(mapping + "/run");
        String job = run.header("Location").substring(run.header("Location").indexOf("/forms/"));
        String page = as(manager).get(job).then().statusCode(200).extract().asString();
        assertTrue(page.contains("hx-get=\"" + job + "/progress\"") || page.contains("导入完成"), page);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(manager).header("HX-Request", "true").get(job + "/progress").then().statusCode(200).extract().asString()
                        .contains("导入完成"));
        as(manager).header("HX-Request", "true").get(job + "/progress").then()
                .body(containsString("跳过 158 行错误"), not(containsString("every 1s")), containsString("<td class=\"num\" data-label=\"行号\">9</td>"));
    }

    private static List<Map<String, Object>> records(String search) {
        return api("east_mgr").queryParam("q", search).queryParam("limit", 200).get("/api/forms/" + FORM + "/records")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }
}
