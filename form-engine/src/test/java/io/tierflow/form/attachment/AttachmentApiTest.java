package io.tierflow.form.attachment;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files through the API: what an upload refuses (size, extension, content that is not what its name says), what a
 * save accepts (only the writer's own uploads for that field, or the record's own files), and who may download
 * (whoever may see the record; anyone else gets 404, as for the record itself).
 */
@QuarkusTest
class AttachmentApiTest {

    static final String FORM = "att_contracts";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final RestAssuredConfig UTF8_NAMES = RestAssured.config()
            .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"));

    @Inject
    UserDirectory users;

    @BeforeEach
    void form() {
        FormFixtures.people(users);
        if (TestUsers.as("east_mgr").get("/api/forms/" + FORM).statusCode() == 404) {
            TestUsers.as("east_mgr").contentType(ContentType.JSON).body("""
                    {"key":"%s","name":"合同","fields":[{"key":"name","label":"名称","type":"text"},
                      {"key":"files","label":"合同文件","type":"attachment","config":{"maxSizeMb":1,"accept":"pdf,png","maxFiles":3}},
                      {"key":"photos","label":"照片","type":"attachment","config":{"accept":"png"}}]}""".formatted(FORM))
                    .post("/api/forms").then().statusCode(201);
        }
    }

    /** A request as {@code user} in {@code lang} (TestUsers.as always asks for English). */
    static RequestSpecification in(String user, String lang) {
        return RestAssured.given().cookie("tierflow_session", TestUsers.login(user)).header("Accept-Language", lang);
    }

    static RequestSpecification upload(String user, String lang, String name, byte[] bytes) {
        return in(user, lang).config(UTF8_NAMES).multiPart("file", name, bytes, "application/octet-stream");
    }

    static String uploaded(String user, String field, String name, byte[] bytes) {
        return upload(user, "en", name, bytes).post("/api/forms/" + FORM + "/fields/" + field + "/attachments").then()
                .statusCode(201).extract().path("id");
    }

    static int record(String user, String filesJson) {
        return TestUsers.as(user).contentType(ContentType.JSON).body("{\"values\":{\"name\":\"x\",\"files\":" + filesJson + "}}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(201).extract().path("id");
    }

    @Test
    void anUploadIsRefusedWhenTooLargeOfAnotherTypeOrNotWhatItsNameSays() {
        String path = "/api/forms/" + FORM + "/fields/files/attachments";
        upload("east_rep", "en", "big.pdf", Arrays.copyOf(PDF, 1024 * 1024 + 1)).post(path).then().statusCode(413)
                .body("errors[0].field", equalTo("file")).body("errors[0].message", equalTo("The file is larger than 1 MB."));
        upload("east_rep", "zh-CN", "大.pdf", Arrays.copyOf(PDF, 1024 * 1024 + 1)).post(path).then().statusCode(413)
                .body("errors[0].message", equalTo("文件超过 1 MB。"));
        upload("east_rep", "en", "run.exe", PDF).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("file")).body("errors[0].code", equalTo("form.attachment.type-not-accepted"))
                .body("errors[0].message", equalTo(".exe files are not accepted here; allowed: pdf, png."));
        // a PDF under a picture's name: the bytes decide, not the name
        upload("east_rep", "en", "photo.png", PDF).post(path).then().statusCode(400)
                .body("errors[0].code", equalTo("form.attachment.content-mismatch"))
                .body("errors[0].message", equalTo("The content of the file does not match its name: the name says .png but the content is application/pdf."));
        upload("east_rep", "zh-CN", "照片.png", PDF).post(path).then().statusCode(400)
                .body("errors[0].message", equalTo("文件内容与文件名不符：文件名是 .png，内容却是 application/pdf。"));
        upload("east_rep", "en", "empty.pdf", new byte[0]).post(path).then().statusCode(400)
                .body("errors[0].code", equalTo("form.attachment.empty"));
        upload("east_rep", "en", "a.pdf", PDF).post("/api/forms/" + FORM + "/fields/name/attachments").then().statusCode(404)
                .body("code", equalTo("form.attachment.no-field"));
        // the name is made safe: no directories, no invisible characters
        upload("east_rep", "en", "..\\..\\合同\u202E.pdf", PDF).post(path).then().statusCode(201)
                .body("name", equalTo("合同.pdf")).body("contentType", equalTo("application/pdf")).body("size", equalTo(PDF.length));
    }

    @Test
    void aSaveTakesOnlyTheWritersOwnUploadsForThatFieldAndTakesTheirDetailsFromTheUpload() {
        String mine = uploaded("east_rep", "files", "合同.pdf", PDF);
        String theirs = uploaded("west_rep", "files", "别人的.pdf", PDF);
        String otherField = uploaded("east_rep", "photos", "photo.png", FileContentTest.PNG);
        TestUsers.as("east_rep").contentType(ContentType.JSON)
                .body("{\"values\":{\"files\":[\"" + theirs + "\",\"" + otherField + "\"]}}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(400)
                .body("errors.field", hasItems("values.files[0]", "values.files[1]"))
                .body("errors[0].code", equalTo("form.attachment.not-found"));
        TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"values\":{\"files\":[\"nope\"]}}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(400)
                .body("errors[0].field", equalTo("values.files")).body("errors[0].code", equalTo("form.attachment.not-an-id"));
        // the name and type a caller sends are not believed
        int id = TestUsers.as("east_rep").contentType(ContentType.JSON).body("""
                {"values":{"files":[{"id":"%s","name":"evil.html","contentType":"text/html","size":1}]}}""".formatted(mine))
                .post("/api/forms/" + FORM + "/records").then().statusCode(201)
                .body("values.files[0].name", equalTo("合同.pdf")).body("values.files[0].contentType", equalTo("application/pdf"))
                .extract().path("id");
        // once on a record, a file cannot be moved onto another record, even by its uploader
        TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"values\":{\"files\":[\"" + mine + "\"]}}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(400)
                .body("errors[0].field", equalTo("values.files[0]"));
        // the record keeps its file and takes another: the old one is its own, the new one the writer's upload
        String second = uploaded("east_mgr", "files", "附件二.png", FileContentTest.PNG);
        TestUsers.as("east_mgr").contentType(ContentType.JSON)
                .body("{\"version\":1,\"values\":{\"files\":[\"" + mine + "\",\"" + second + "\"]}}")
                .patch("/api/forms/" + FORM + "/records/" + id).then().statusCode(200)
                .body("values.files.name", equalTo(java.util.List.of("合同.pdf", "附件二.png")))
                .body("values.files.size", equalTo(java.util.List.of(PDF.length, FileContentTest.PNG.length)));
    }

    @Test
    void onlyThoseWhoMaySeeTheRecordMayDownloadItsFilesAlwaysAsADownload() {
        String id = uploaded("east_rep", "files", "合同 2026.pdf", PDF);
        // a loose upload: its uploader only
        TestUsers.as("east_rep").get("/api/attachments/" + id).then().statusCode(200);
        TestUsers.as("east_mgr").get("/api/attachments/" + id).then().statusCode(404);
        record("east_rep", "[\"" + id + "\"]");
        byte[] body = TestUsers.as("east_mgr").get("/api/attachments/" + id).then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment; filename=\"___2026.pdf\"; filename*=UTF-8''%E5%90%88%E5%90%8C%202026.pdf"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Type", equalTo("application/pdf"))
                .header("Content-Security-Policy", equalTo("sandbox; default-src 'none'"))
                .extract().asByteArray();
        assertArrayEquals(PDF, body);
        // another team's rep sees only their own records, so this file does not exist for them
        TestUsers.as("west_rep").get("/api/attachments/" + id).then().statusCode(404)
                .body("code", equalTo("form.attachment.not-found-id"));
        TestUsers.as("west_rep").get("/api/attachments/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        TestUsers.as("west_rep").get("/api/attachments/not-a-uuid").then().statusCode(404);
        // a role for which the field is hidden does not get its files either
        TestUsers.as("root_admin").contentType(ContentType.JSON)
                .body("{\"MANAGER\":{\"actions\":[\"view\",\"create\",\"edit\"],\"scope\":\"team\",\"fields\":{\"files\":\"hidden\"}}}")
                .put("/api/forms/" + FORM + "/permissions").then().statusCode(200);
        try {
            TestUsers.as("east_mgr").get("/api/attachments/" + id).then().statusCode(404);
        } finally {
            TestUsers.as("root_admin").contentType(ContentType.JSON)
                    .body("{\"MANAGER\":{\"actions\":[\"view\",\"create\",\"edit\",\"delete\",\"import\",\"export\"],\"scope\":\"team\"}}")
                    .put("/api/forms/" + FORM + "/permissions").then().statusCode(200);
        }
    }

    @Test
    void filesExportAsTheirNamesAndTheirColumnIsLeftOutOfImports() {
        String id = uploaded("east_rep", "files", "报价.pdf", PDF);
        TestUsers.as("east_rep").contentType(ContentType.JSON)
                .body("{\"values\":{\"name\":\"带附件\",\"files\":[\"" + id + "\"]}}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(201);
        String csv = TestUsers.as("east_mgr").get("/api/forms/" + FORM + "/export?format=csv").then().statusCode(200)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains("带附件,报价.pdf"), csv);
        in("east_mgr", "zh-CN").multiPart("file", "a.csv",
                        "名称,合同文件\n导入的,报价.pdf\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/forms/" + FORM + "/import").then().statusCode(200)
                .body("created", equalTo(1))
                .body("ignoredColumns.find { it.column == '合同文件' }.reason", equalTo("not-importable"))
                .body("ignoredColumns.find { it.column == '合同文件' }.message", equalTo("附件请在记录页上传，不能通过导入添加。"));
        // and through the API a file name is not a file
        TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"values\":{\"files\":\"报价.pdf\"}}")
                .post("/api/forms/" + FORM + "/records").then().statusCode(400)
                .body("errors[0].code", equalTo("form.attachment.upload-first"));
    }
}
