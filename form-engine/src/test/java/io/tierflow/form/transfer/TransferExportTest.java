package io.tierflow.form.transfer;

import static io.tierflow.form.transfer.TransferFixtures.as;
import static io.tierflow.form.transfer.TransferFixtures.create;
import static io.tierflow.form.transfer.TransferFixtures.createForm;
import static io.tierflow.form.transfer.TransferFixtures.export;
import static io.tierflow.form.transfer.TransferFixtures.importFile;
import static io.tierflow.form.transfer.TransferFixtures.records;
import static io.tierflow.form.transfer.TransferFixtures.xlsxRows;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Export as people read it, and export → import round trips for both formats. */
@QuarkusTest
class TransferExportTest {

    static final String SOURCE = "io_rt_src";
    static boolean ready;

    @Inject
    UserDirectory users;

    @BeforeEach
    void sourceRecords() {
        FormFixtures.people(users);
        if (ready) {
            return;
        }
        createForm(SOURCE);
        create("east_rep", SOURCE, """
                {"name":"杭州云栖","notes":"第一行\\n第二行","revenue":"250","price":"¥1,200.50","share":"12.5%","stars":4,
                 "signed":"2026年3月1日","met":"2026-03-01 14:30","vip":"是","mail":"a@b.cn","tel":"+86 138-0013-8000",
                 "site":"https://example.cn","industry":"信息技术","tags":"重点，新客","secret":"内部"}""");
        create("east_rep", SOURCE, """
                {"name":"=cmd|' /C calc'!A0","price":"-5","met":"2026-03-02 09:15:30","vip":false,"tags":"新客","revenue":0}""");
        create("east_rep", SOURCE, "{\"name\":\"@恶意\",\"notes\":\"-2+3\",\"industry\":\"retail\"}");
        ready = true;
    }

    @Test
    void xlsxHoldsLabelsRealNumbersAndDatesAndNeutralisedFormulas() {
        List<Row> rows = xlsxRows(export("east_rep", SOURCE, "format=xlsx"));
        assertEquals(4, rows.size());
        List<String> header = texts(rows.get(0));
        assertEquals(List.of("客户名称", "备注", "年营收", "合同金额", "份额", "星级", "签约日", "拜访时间", "VIP", "邮箱", "电话", "网址",
                "行业", "标签", "内部备注", "评分", "Tier"), header);
        Map<String, Cell> full = byHeader(header, rows.get(3)); // newest first: the first record is last
        assertEquals(CellType.NUMBER, full.get("合同金额").getType());
        assertEquals(0, new BigDecimal("1200.5").compareTo(full.get("合同金额").asNumber()));
        assertTrue(full.get("合同金额").getDataFormatString().contains("¥"), full.get("合同金额").getDataFormatString());
        assertEquals(CellType.NUMBER, full.get("签约日").getType());
        assertEquals("yyyy-mm-dd", full.get("签约日").getDataFormatString());
        assertEquals("2026-03-01T00:00", full.get("签约日").asDate().toString());
        assertEquals("2026-03-01T14:30", full.get("拜访时间").asDate().toString());
        assertEquals("信息技术", full.get("行业").getText());
        assertEquals("新客、重点", full.get("标签").getText());
        assertEquals("✓", full.get("VIP").getText());
        assertEquals("'+86 138-0013-8000", full.get("电话").getText());
        assertEquals("A", full.get("Tier").getText());
        assertEquals("'=cmd|' /C calc'!A0", byHeader(header, rows.get(2)).get("客户名称").getText());
        assertEquals("'@恶意", byHeader(header, rows.get(1)).get("客户名称").getText());
        assertEquals("'-2+3", byHeader(header, rows.get(1)).get("备注").getText());
    }

    @Test
    void csvIsUtf8WithBomAndNeutralisesFormulasAndNamesTheFileAfterTheForm() {
        var response = as("east_rep").get("/api/forms/" + SOURCE + "/export?format=csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("filename*=UTF-8''" + ContentDisposition.encode("导入客户.csv")))
                .header("Content-Disposition", containsString("filename=\"io_rt_src.csv\""))
                .extract().asByteArray();
        assertArrayEquals(CsvSheetWriter.BOM, Arrays.copyOf(response, 3));
        String csv = new String(response, 3, response.length - 3, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("客户名称,备注,年营收,合同金额,份额,星级,签约日,拜访时间,VIP,邮箱,电话,网址,行业,标签,内部备注,评分,Tier\r\n"), csv);
        assertTrue(csv.contains("\r\n'=cmd|' /C calc'!A0,"), csv);
        assertTrue(csv.contains("\r\n'@恶意,'-2+3,"), csv);
        assertTrue(csv.contains("杭州云栖,\"第一行\n第二行\",250,\"¥1,200.50\",12.5%,4,2026-03-01,2026-03-01 14:30,✓,a@b.cn,"
                + "'+86 138-0013-8000,https://example.cn,信息技术,新客、重点,内部,100,A") , csv);
        assertTrue(csv.contains(",2026-03-02 09:15:30,✗,"), csv);
    }

    @Test
    void exportFollowsTheListsFilterAndFieldsAndRefusesABadFilterBeforeStreaming() {
        List<Row> rows = xlsxRows(as("east_rep").queryParam("format", "xlsx").queryParam("fields", "name,price")
                .queryParam("filter", "{\"field\":\"industry\",\"op\":\"eq\",\"value\":\"信息技术\"}")
                .get("/api/forms/" + SOURCE + "/export").then().statusCode(200).extract().asByteArray());
        assertEquals(List.of("客户名称", "合同金额", "Tier"), texts(rows.get(0)));
        assertEquals(2, rows.size());
        assertEquals("杭州云栖", rows.get(1).getCellText(0));
        as("east_rep").queryParam("filter", "{\"field\":\"ghost\",\"op\":\"eq\",\"value\":1}")
                .get("/api/forms/" + SOURCE + "/export").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("filter.field"));
        as("east_rep").get("/api/forms/" + SOURCE + "/export?format=pdf").then().statusCode(400)
                .body("code", equalTo("form.export.format"));
        assertEquals(1, xlsxRows(export("west_rep", SOURCE, "format=xlsx")).size()); // another team's records: none
    }

    @Test
    void everyFieldTypeRoundTripsThroughXlsxAndCsv() {
        for (String format : List.of("xlsx", "csv")) {
            String target = "io_rt_" + format;
            createForm(target);
            byte[] file = export("east_rep", SOURCE, "format=" + format);
            importFile("east_mgr", target, "客户." + format, file, Map.of()).statusCode(200)
                    .body("status", equalTo("done")).body("created", equalTo(3)).body("failed", equalTo(0))
                    .body("ignoredColumns.find { it.column == '评分' }.reason", equalTo("computed"))
                    .body("ignoredColumns.find { it.column == 'Tier' }.reason", equalTo("tier"));
            Map<String, Map<String, Object>> expected = byName(records("east_mgr", SOURCE));
            Map<String, Map<String, Object>> actual = byName(records("east_mgr", target));
            assertEquals(expected, actual, format);
        }
    }

    @Test
    void linksToOtherRecordsRoundTripAsRecordIds() {
        as("east_mgr").contentType(io.restassured.http.ContentType.JSON)
                .body("{\"key\":\"io_rel_company\",\"name\":\"公司\",\"fields\":[{\"key\":\"name\",\"label\":\"名称\",\"type\":\"text\"}]}")
                .post("/api/forms").then().statusCode(201);
        String deals = """
                {"key":"%s","name":"商机","fields":[{"key":"name","label":"名称","type":"text"},
                  {"key":"company","label":"公司","type":"relation","config":{"form":"io_rel_company"}},
                  {"key":"partners","label":"伙伴","type":"relation","config":{"form":"io_rel_company","multiple":true}}]}""";
        for (String key : List.of("io_rel_deal", "io_rel_copy_xlsx", "io_rel_copy_csv")) {
            as("east_mgr").contentType(io.restassured.http.ContentType.JSON).body(deals.formatted(key)).post("/api/forms")
                    .then().statusCode(201);
        }
        int a = create("east_mgr", "io_rel_company", "{\"name\":\"甲公司\"}");
        int b = create("east_mgr", "io_rel_company", "{\"name\":\"乙公司\"}");
        create("east_mgr", "io_rel_deal", "{\"name\":\"大单\",\"company\":" + a + ",\"partners\":[" + a + "," + b + "]}");
        for (String format : List.of("xlsx", "csv")) {
            byte[] file = export("east_mgr", "io_rel_deal", "format=" + format);
            importFile("east_mgr", "io_rel_copy_" + format, "deals." + format, file, Map.of()).statusCode(200)
                    .body("created", equalTo(1)).body("errors.size()", equalTo(0));
            assertEquals(byName(records("east_mgr", "io_rel_deal")), byName(records("east_mgr", "io_rel_copy_" + format)), format);
        }
    }

    private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> records) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (Map<String, Object> r : records) {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = new HashMap<>((Map<String, Object>) r.get("values"));
            values.put("tier", r.get("tier"));
            out.put((String) values.get("name"), values);
        }
        return out;
    }

    private static List<String> texts(Row row) {
        return row.stream().map(c -> c == null ? "" : c.getText()).toList();
    }

    private static Map<String, Cell> byHeader(List<String> header, Row row) {
        Map<String, Cell> cells = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), row.getCell(i));
        }
        return cells;
    }
}
