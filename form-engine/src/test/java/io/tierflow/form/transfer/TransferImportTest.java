package io.tierflow.form.transfer;

import static io.tierflow.form.transfer.TransferFixtures.as;
import static io.tierflow.form.transfer.TransferFixtures.create;
import static io.tierflow.form.transfer.TransferFixtures.createForm;
import static io.tierflow.form.transfer.TransferFixtures.importFile;
import static io.tierflow.form.transfer.TransferFixtures.records;
import static io.tierflow.form.transfer.TransferFixtures.salesAccess;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Import: coercion, dry runs, modes, upserts, permissions, hidden fields, encodings and limits. */
@QuarkusTest
class TransferImportTest {

    static final String ALL_IMPORT = """
            {"actions":["view","create","edit","delete","import","export"],"scope":"own"}""";

    @Inject
    UserDirectory users;

    @BeforeEach
    void people() {
        FormFixtures.people(users);
    }

    static byte[] utf8(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> only(List<Map<String, Object>> records, String name) {
        return records.stream().filter(r -> name.equals(((Map<?, ?>) r.get("values")).get("name"))).findFirst().orElseThrow();
    }

    @Test
    void chineseFormatsCoerceThroughEachFieldTypeInCsvAndXlsx() throws IOException {
        createForm("io_cn");
        importFile("east_mgr", "io_cn", "客户.csv", utf8("""
                客户名称,合同金额,份额,签约日,拜访时间,VIP,行业,标签,年营收
                华东一号,"¥1,200.50",12.5%,2026年3月1日,2026-03-01 14:30,是,信息技术,"重点、新客","１２００"
                华东二号,"￥3,000",８％,2026/3/2,2026-03-02T09:00:00+08:00,否,零售,新客，重点,
                """), Map.of()).statusCode(200).body("created", equalTo(2)).body("errors", hasSize(0));
        Map<String, Object> one = only(records("east_mgr", "io_cn"), "华东一号");
        assertEquals(Map.of("name", "华东一号", "price", 1200.5f, "share", 12.5f, "signed", "2026-03-01",
                "met", "2026-03-01T14:30:00+08:00", "vip", true, "industry", "it", "tags", List.of("new", "key"),
                "revenue", 1200, "score", 480), nonNull(one));
        assertEquals("A", one.get("tier"));
        Map<String, Object> two = nonNull(only(records("east_mgr", "io_cn"), "华东二号"));
        assertEquals(3000, two.get("price"));
        assertEquals(8, two.get("share"));
        assertEquals("2026-03-02", two.get("signed"));
        assertEquals(false, two.get("vip"));

        // a workbook as Chinese Excel saves it: real date cells with a 年月日 format, numbers, booleans
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("客户");
        List<String> header = List.of("客户名称", "签约日", "合同金额", "VIP", "拜访时间", "星级");
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
        }
        ws.value(1, 0, "华东三号");
        ws.value(1, 1, LocalDate.of(2026, 3, 1));
        ws.style(1, 1).format("yyyy\"年\"m\"月\"d\"日\"").set();
        ws.value(1, 2, 1200.5);
        ws.value(1, 3, true);
        ws.value(1, 4, java.time.LocalDateTime.of(2026, 3, 1, 14, 30));
        ws.style(1, 4).format("yyyy/m/d h:mm").set();
        ws.value(1, 5, 3);
        ws.value(2, 0, "华东四号"); // a row that ends early: its other cells are simply absent
        wb.finish();
        importFile("east_mgr", "io_cn", "客户.xlsx", out.toByteArray(), Map.of()).statusCode(200)
                .body("created", equalTo(2)).body("errors", hasSize(0)).body("format", equalTo("xlsx"));
        Map<String, Object> three = nonNull(only(records("east_mgr", "io_cn"), "华东三号"));
        assertEquals("2026-03-01", three.get("signed"));
        assertEquals(1200.5f, three.get("price"));
        assertEquals(true, three.get("vip"));
        assertEquals("2026-03-01T14:30:00+08:00", three.get("met"));
        assertEquals(3, three.get("stars"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nonNull(Map<String, Object> record) {
        Map<String, Object> values = new java.util.HashMap<>((Map<String, Object>) record.get("values"));
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }

    @Test
    void aDryRunReportsEveryBadRowByRowColumnAndFieldAndWritesNothing() {
        createForm("io_dry");
        importFile("east_mgr", "io_dry", "客户.csv", utf8("""
                客户名称,年营收,签约日,行业,不存在的列,Tier
                好客户,100,2026-03-01,信息技术,x,A

                坏营收,lots,2026-13-01,农业,,
                ,5,,,,
                """), Map.of("dryRun", "true")).statusCode(200)
                .body("status", equalTo("done")).body("dryRun", equalTo(true))
                .body("rows", equalTo(3)).body("valid", equalTo(1)).body("invalid", equalTo(2))
                .body("created", equalTo(1))
                .body("errors", hasSize(4))
                .body("errors[0].row", equalTo(4)).body("errors[0].column", equalTo("年营收"))
                .body("errors[0].field", equalTo("revenue")).body("errors[0].code", equalTo("form.value.not-a-number"))
                .body("errors.find { it.field == 'signed' }.message", containsString("date"))
                .body("errors.find { it.field == 'industry' }.message", containsString("信息技术"))
                .body("errors.find { it.row == 5 }.field", equalTo("name"))
                .body("errors.find { it.row == 5 }.code", equalTo("form.value.required"))
                .body("mapping.客户名称", equalTo("name")).body("mapping.行业", equalTo("industry"))
                .body("ignoredColumns.find { it.column == '不存在的列' }.reason", equalTo("unknown"))
                .body("ignoredColumns.find { it.column == 'Tier' }.reason", equalTo("tier"))
                .body("sample", hasSize(1)).body("sample[0].row", equalTo(2)).body("sample[0].action", equalTo("create"))
                .body("sample[0].values.industry", equalTo("信息技术"));
        assertEquals(0, records("east_mgr", "io_dry").size());
        // in Chinese, for a Chinese user
        io.restassured.RestAssured.given().cookie("tierflow_session", io.tierflow.core.TestUsers.login("east_mgr"))
                .header("Accept-Language", "zh-CN").multiPart("file", "x.csv", utf8("客户名称,年营收\n甲,很多\n"))
                .multiPart("dryRun", "true").post("/api/forms/io_dry/import").then().statusCode(200)
                .body("errors[0].message", equalTo(io.tierflow.core.i18n.Messages.text(io.tierflow.core.i18n.Messages.ZH,
                        "form.value.not-a-number")));
    }

    @Test
    void allOrNothingWritesNothingForOneBadRowWhileSkipBadRowsWritesTheGoodOnes() {
        createForm("io_modes");
        byte[] file = utf8("客户名称,年营收\n甲,10\n乙,-1\n丙,300\n");
        importFile("east_mgr", "io_modes", "a.csv", file, Map.of()).statusCode(200)
                .body("status", equalTo("rejected")).body("mode", equalTo("all_or_nothing"))
                .body("created", equalTo(0)).body("failed", equalTo(1)).body("valid", equalTo(2))
                .body("errors[0].row", equalTo(3)).body("errors[0].code", equalTo("form.value.below-min"));
        assertEquals(0, records("east_mgr", "io_modes").size());
        importFile("east_mgr", "io_modes", "a.csv", file, Map.of("mode", "skip_bad_rows")).statusCode(200)
                .body("status", equalTo("done")).body("created", equalTo(2)).body("failed", equalTo(1))
                .body("errors[0].row", equalTo(3));
        List<Map<String, Object>> written = records("east_mgr", "io_modes");
        assertEquals(2, written.size());
        Map<String, Object> c = only(written, "丙");
        assertEquals("A", c.get("tier"));
        assertEquals(120, ((Map<?, ?>) c.get("values")).get("score"));
        // written through the pipeline: audited with tier history whose cause is the import
        as("east_mgr").get("/api/forms/io_modes/records/" + c.get("id") + "/history").then().statusCode(200)
                .body("changes[0].action", equalTo("record.create")).body("tiers[0].cause", equalTo("import"))
                .body("tiers[0].to", equalTo("A"));
        importFile("east_mgr", "io_modes", "a.csv", file, Map.of("mode", "sometimes")).statusCode(400)
                .body("errors[0].field", equalTo("mode"));
    }

    @Test
    void aDuplicateInAUniqueFieldFailsItsRowAloneWithoutBreakingTheTransaction() {
        createForm("io_unique");
        create("east_mgr", "io_unique", "{\"name\":\"老客户\",\"mail\":\"old@a.cn\"}");
        byte[] file = utf8("客户名称,邮箱\n甲,x@a.cn\n乙,x@a.cn\n丙,old@a.cn\n丁,d@a.cn\n");
        importFile("east_mgr", "io_unique", "u.csv", file, Map.of()).statusCode(200)
                .body("status", equalTo("rejected")).body("failed", equalTo(2)).body("created", equalTo(0))
                .body("errors.row", equalTo(List.of(3, 4))).body("errors[0].column", equalTo("邮箱"))
                .body("errors[0].code", equalTo("form.value.duplicate"));
        assertEquals(1, records("east_mgr", "io_unique").size());
        importFile("east_mgr", "io_unique", "u.csv", file, Map.of("dryRun", "true")).statusCode(200)
                .body("invalid", equalTo(2)).body("errors.row", equalTo(List.of(3, 4)))
                .body("errors.code", equalTo(List.of("form.value.duplicate", "form.value.duplicate")));
        importFile("east_mgr", "io_unique", "u.csv", file, Map.of("mode", "skip_bad_rows")).statusCode(200)
                .body("status", equalTo("done")).body("failed", equalTo(2)).body("created", equalTo(2))
                .body("errors.row", equalTo(List.of(3, 4)));
        List<Map<String, Object>> all = records("east_mgr", "io_unique");
        assertEquals(3, all.size());
        only(all, "甲");
        only(all, "丁");
    }

    @Test
    void upsertUpdatesTheCallersOwnRecordButNeverAnotherTeamsItCannotSee() {
        createForm("io_upsert");
        salesAccess("io_upsert", ALL_IMPORT);
        int mine = create("east_rep", "io_upsert", "{\"name\":\"东方客户\",\"revenue\":10,\"notes\":\"保留\"}");
        int theirs = create("west_rep", "io_upsert", "{\"name\":\"西方客户\",\"revenue\":20}");
        importFile("east_rep", "io_upsert", "u.csv", utf8("客户名称,年营收,备注\n东方客户,300,\n西方客户,999,抄来的\n"),
                Map.of("upsertBy", "name")).statusCode(200)
                .body("status", equalTo("done")).body("updated", equalTo(1)).body("created", equalTo(1))
                .body("upsertBy", equalTo("name"));
        as("east_rep").get("/api/forms/io_upsert/records/" + mine).then().statusCode(200)
                .body("values.revenue", equalTo(300)).body("values.notes", equalTo("保留")) // an empty cell keeps the value
                .body("version", equalTo(2)).body("tier", equalTo("A"));
        as("east_rep").get("/api/forms/io_upsert/records/" + mine + "/history").then()
                .body("changes[1].action", equalTo("record.update")).body("changes[1].detail.cause", equalTo("import"))
                .body("changes[1].actor", equalTo("east_rep"));
        as("west_rep").get("/api/forms/io_upsert/records/" + theirs).then().statusCode(200)
                .body("values.revenue", equalTo(20)).body("version", equalTo(1)).body("values.notes", nullValue());
        List<Map<String, Object>> eastView = records("east_rep", "io_upsert");
        assertEquals(2, eastView.size());
        Map<String, Object> copy = only(eastView, "西方客户");
        assertTrue(((Number) copy.get("id")).intValue() != theirs);
        assertEquals(999, ((Map<?, ?>) copy.get("values")).get("revenue"));
        // the same key twice in one file: the second row updates what the first created
        importFile("east_rep", "io_upsert", "u.csv", utf8("客户名称,年营收\n新客户,1\n新客户,2\n"),
                Map.of("upsertBy", "name", "dryRun", "true")).statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(1)).body("sample[1].action", equalTo("update"));
        importFile("east_rep", "io_upsert", "u.csv", utf8("客户名称,年营收\n新客户,1\n新客户,2\n"), Map.of("upsertBy", "name"))
                .statusCode(200).body("created", equalTo(1)).body("updated", equalTo(1));
        assertEquals(2, ((Map<?, ?>) only(records("east_rep", "io_upsert"), "新客户").get("values")).get("revenue"));
        importFile("east_rep", "io_upsert", "u.csv", utf8("客户名称,年营收\n甲,1\n"), Map.of("upsertBy", "tags"))
                .statusCode(400).body("errors[0].field", equalTo("upsertBy"));
    }

    @Test
    void importAndExportNeedTheirActions() {
        createForm("io_perm");
        byte[] file = utf8("客户名称\n甲\n");
        importFile("east_rep", "io_perm", "a.csv", file, Map.of()).statusCode(403).body("code", equalTo("form.action.denied"));
        salesAccess("io_perm", "{\"actions\":[\"view\",\"create\",\"import\"],\"scope\":\"own\"}");
        as("east_rep").get("/api/forms/io_perm/export").then().statusCode(403).body("code", equalTo("form.action.denied"));
        importFile("east_rep", "io_perm", "a.csv", file, Map.of()).statusCode(200).body("created", equalTo(1));
        // matching by a field updates records: that needs "edit" too
        importFile("east_rep", "io_perm", "a.csv", file, Map.of("upsertBy", "name")).statusCode(403);
        salesAccess("io_perm", "{\"actions\":[],\"scope\":\"own\"}");
        importFile("east_rep", "io_perm", "a.csv", file, Map.of()).statusCode(404);
        as("east_rep").get("/api/forms/io_perm/export").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/forms/io_perm/export").then().statusCode(401);
    }

    @Test
    void hiddenFieldsAreNeitherExportedNorImported() {
        createForm("io_hidden");
        salesAccess("io_hidden", """
                {"actions":["view","create","edit","import","export"],"scope":"own","fields":{"secret":"hidden","revenue":"readonly"}}""");
        int id = create("east_rep", "io_hidden", "{\"name\":\"有秘密\"}");
        as("east_mgr").contentType(ContentType.JSON).body("{\"version\":1,\"values\":{\"secret\":\"机密内容\"}}")
                .patch("/api/forms/io_hidden/records/" + id).then().statusCode(200);
        byte[] csv = TransferFixtures.export("east_rep", "io_hidden", "format=csv");
        String text = new String(csv, StandardCharsets.UTF_8);
        assertFalse(text.contains("内部备注"), text);
        assertFalse(text.contains("机密内容"), text);
        assertTrue(text.contains("有秘密"), text);
        importFile("east_rep", "io_hidden", "h.csv", utf8("客户名称,内部备注,年营收\n偷写,泄露,100\n"), Map.of()).statusCode(200)
                .body("created", equalTo(1)).body("mapping", not(hasKey("内部备注")))
                .body("ignoredColumns.find { it.column == '内部备注' }.reason", equalTo("unknown"))
                .body("ignoredColumns.find { it.column == '年营收' }.reason", equalTo("readonly"));
        Map<String, Object> written = only(records("east_mgr", "io_hidden"), "偷写");
        assertEquals(null, ((Map<?, ?>) written.get("values")).get("secret"));
        assertEquals(null, ((Map<?, ?>) written.get("values")).get("revenue"));
        importFile("east_rep", "io_hidden", "h.csv", utf8("客户名称,备注\n甲,x\n"), Map.of("mapping", "{\"备注\":\"secret\"}"))
                .statusCode(400).body("errors[0].field", equalTo("mapping.备注"))
                .body("errors[0].code", equalTo("form.import.mapping-field"));
        importFile("east_rep", "io_hidden", "h.csv", utf8("客户名称\n甲\n"), Map.of("upsertBy", "secret")).statusCode(400);
    }

    @Test
    void aMappingOverridesTheHeadersAndGbkCsvFromChineseExcelIsRead() {
        createForm("io_gbk");
        byte[] gbk = "客户名称,行业,备注\r\n杭州云栖,信息技术,老客户\r\n".getBytes(Charset.forName("GBK"));
        importFile("east_mgr", "io_gbk", "gbk.csv", gbk, Map.of()).statusCode(200).body("created", equalTo(1));
        Map<String, Object> r = only(records("east_mgr", "io_gbk"), "杭州云栖");
        assertEquals("it", ((Map<?, ?>) r.get("values")).get("industry"));
        assertEquals("老客户", ((Map<?, ?>) r.get("values")).get("notes"));
        importFile("east_mgr", "io_gbk", "m.csv", utf8("Company;Sector;Memo\nACME;零售;x\n"),
                Map.of("mapping", "{\"company\":\"name\",\"Sector\":\"industry\",\"Memo\":null}")).statusCode(200)
                .body("created", equalTo(1)).body("mapping.Company", equalTo("name"))
                .body("ignoredColumns.find { it.column == 'Memo' }.reason", equalTo("mapping"));
        assertEquals("retail", ((Map<?, ?>) only(records("east_mgr", "io_gbk"), "ACME").get("values")).get("industry"));
        importFile("east_mgr", "io_gbk", "m.csv", utf8("a,b\n1,2\n"), Map.of()).statusCode(400)
                .body("code", equalTo("form.import.no-columns"));
        importFile("east_mgr", "io_gbk", "m.csv", utf8("a,b\n1,2\n"), Map.of("mapping", "{\"c\":\"name\",\"a\":\"score\"}"))
                .statusCode(400).body("errors.field", hasItem("mapping.c")).body("errors.code", hasItem("form.import.mapping-not-writable"));
    }

    @Test
    void filesBeyondTheLimitsGetClearErrors() {
        createForm("io_limits");
        StringBuilder many = new StringBuilder("客户名称\n");
        for (int i = 0; i <= SheetReader.MAX_ROWS; i++) {
            many.append('c').append(i).append('\n');
        }
        importFile("east_mgr", "io_limits", "big.csv", utf8(many.toString()), Map.of()).statusCode(400)
                .body("code", equalTo("form.import.too-many-rows"));
        byte[] huge = new byte[(int) SheetReader.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'x');
        importFile("east_mgr", "io_limits", "huge.csv", huge, Map.of()).statusCode(413)
                .body("code", equalTo("form.import.too-large"));
        byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
        importFile("east_mgr", "io_limits", "old.xls", xls, Map.of()).statusCode(400).body("code", equalTo("form.import.xls-unsupported"));
        importFile("east_mgr", "io_limits", "bad.xlsx", new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 }, Map.of()).statusCode(400)
                .body("code", equalTo("form.import.unreadable"));
        as("east_mgr").multiPart("mode", "skip_bad_rows").post("/api/forms/io_limits/import").then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        assertEquals(0, records("east_mgr", "io_limits").size());
    }
}
