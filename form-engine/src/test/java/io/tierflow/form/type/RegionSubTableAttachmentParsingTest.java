package io.tierflow.form.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tierflow.form.model.FieldDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the region, sub-table and attachment types read input (pure: no database needed). */
class RegionSubTableAttachmentParsingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static FieldDefinition field(String type, String config) {
        try {
            return new FieldDefinition(1, "f", "F", type, false, JSON.readTree(config), 0);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final Map<String, Object> HUANGPU = Map.of("province", "310000", "city", "310100", "district", "310101");

    @Test
    void aRegionIsReadFromNamesWithOrWithoutSeparatorsFromCodesAndFromTheObject() throws Exception {
        ChinaRegionFieldType region = new ChinaRegionFieldType();
        FieldDefinition f = field("china_region", "{}");
        for (String text : List.of("上海市/黄浦区", "上海 黄浦区", "上海市 / 市辖区 / 黄浦区", "上海黄浦区", "310101", "黄浦区")) {
            assertEquals(HUANGPU, region.parse(f, TextNode.valueOf(text)), text);
        }
        assertEquals(HUANGPU, region.parse(f, json("{\"province\":\"310000\",\"city\":\"310100\",\"district\":\"310101\"}")));
        for (String text : List.of("浙江省杭州市西湖区", "杭州市 西湖区", "杭州西湖区")) {
            assertEquals(Map.of("province", "330000", "city", "330100", "district", "330106"), region.parse(f, TextNode.valueOf(text)), text);
        }
        // 西湖区 alone is ambiguous (杭州 and 南昌 both have one)
        assertEquals("form.region.unknown", assertThrows(FieldValueException.class,
                () -> region.parse(f, TextNode.valueOf("西湖区"))).code());
        assertEquals(Map.of("province", "220000", "city", "220200", "district", "220202"),
                region.parse(f, TextNode.valueOf("吉林省 吉林市 昌邑区")));
        assertEquals("上海市 / 市辖区 / 黄浦区", region.display(f, HUANGPU));
        assertEquals("310101", region.formulaValue(f, HUANGPU));
        assertNull(region.parse(f, TextNode.valueOf(" ")));
    }

    @Test
    void aRegionRefusesUnknownPlacesMismatchedLevelsAndStopsAtItsLevel() throws Exception {
        ChinaRegionFieldType region = new ChinaRegionFieldType();
        FieldDefinition district = field("china_region", "{}");
        assertEquals("form.region.unknown", assertThrows(FieldValueException.class,
                () -> region.parse(district, TextNode.valueOf("火星市/奥林匹斯区"))).code());
        assertEquals("form.region.mismatch", assertThrows(FieldValueException.class,
                () -> region.parse(district, json("{\"province\":\"110000\",\"city\":\"310100\",\"district\":\"310101\"}"))).code());
        assertEquals("form.region.incomplete", assertThrows(FieldValueException.class,
                () -> region.parse(district, TextNode.valueOf("上海市"))).code());
        FieldDefinition city = field("china_region", "{\"level\":\"city\"}");
        assertEquals(Map.of("province", "310000", "city", "310100"), region.parse(city, TextNode.valueOf("上海市黄浦区")));
        assertEquals(Map.of("province", "310000", "city", "310100"), region.parse(city, TextNode.valueOf("上海")));
        FieldDefinition province = field("china_region", "{\"level\":\"province\"}");
        assertEquals(Map.of("province", "440000"), region.parse(province, TextNode.valueOf("广东")));
        assertEquals(1, region.checkConfig(field("china_region", "{\"level\":\"street\"}"), "field").size());
    }

    static SubTableFieldType subTable() {
        Map<String, FieldType> byId = Map.of("text", new TextFieldType(), "number", new NumberFieldType(), "money",
                new MoneyFieldType(), "date", new DateFieldType(), "single_select", new SingleSelectFieldType());
        return new SubTableFieldType(id -> Optional.ofNullable(byId.get(id)));
    }

    static final String ITEMS = """
            {"maxRows":3,"columns":[{"key":"product","label":"产品","type":"text","required":true},
              {"key":"qty","label":"数量","type":"number","config":{"min":1}},
              {"key":"price","label":"单价","type":"money"},
              {"key":"due","label":"交期","type":"date"},
              {"key":"kind","label":"类别","type":"single_select","config":{"options":[{"key":"std","label":"标准"}]}}]}""";

    @Test
    void aSubTableParsesEachCellWithItsColumnTypeAndDropsEmptyRows() throws Exception {
        SubTableFieldType items = subTable();
        FieldDefinition f = field("sub_table", ITEMS);
        Object rows = items.parse(f, json("""
                [{"product":"螺丝","qty":"3","price":"¥1,200.50","due":"2026年3月1日","kind":"标准"},
                 {"product":"","qty":null},
                 {"product":"垫片","qty":10}]"""));
        List<Map<String, Object>> list = SubTableFieldType.rows(rows);
        assertEquals(2, list.size());
        assertEquals(new BigDecimal("1200.5"), list.get(0).get("price"));
        assertEquals(LocalDate.of(2026, 3, 1), list.get(0).get("due"));
        assertEquals("std", list.get(0).get("kind"));
        assertEquals(new BigDecimal("2"), items.formulaValue(f, rows));
        assertEquals(BigDecimal.ZERO, items.formulaValue(f, null));
        assertEquals("螺丝，3，¥1,200.50，2026-03-01，标准；垫片，10", items.display(f, rows));
        // the export's JSON text reads back as the same rows
        assertEquals(rows, items.parse(f, TextNode.valueOf(items.exportText(f, rows))));
        assertEquals(rows, items.read(f, JSON.readTree(items.exportText(f, rows))));
    }

    @Test
    void aSubTableReportsEveryBadCellUnderItsPath() {
        SubTableFieldType items = subTable();
        FieldDefinition f = field("sub_table", ITEMS);
        FieldValueException e = assertThrows(FieldValueException.class, () -> items.parse(f, json("""
                [{"product":"螺丝","qty":"3"},{"product":"垫片","qty":"x"},{"qty":0,"colour":"red"}]""")));
        List<String> where = e.all().stream().map(p -> p.path() + " " + p.code()).toList();
        assertEquals(List.of("[1].qty form.value.not-a-number", "[2].colour form.subtable.unknown-column",
                "[2].qty form.value.below-min", "[2].product form.value.required"), where);
        assertEquals("form.subtable.too-many-rows", assertThrows(FieldValueException.class,
                () -> items.parse(f, json("[{\"product\":\"a\"},{\"product\":\"b\"},{\"product\":\"c\"},{\"product\":\"d\"}]"))).code());
        assertEquals("form.subtable.not-rows", assertThrows(FieldValueException.class,
                () -> items.parse(f, TextNode.valueOf("螺丝 3 个"))).code());
    }

    @Test
    void aSubTablesColumnsAreCheckedWithTheirOwnTypesChecks() {
        SubTableFieldType items = subTable();
        List<String> problems = items.checkConfig(field("sub_table", """
                {"columns":[{"key":"a","label":"A","type":"relation"},{"key":"b","label":"B","type":"single_select"},
                  {"key":"a","label":"","type":"text"}],"maxRows":5000}"""), "field").stream()
                .map(p -> p.field() + " " + p.code()).toList();
        assertEquals(List.of("field.config.columns[0].type form.subtable.column-type",
                "field.config.columns[1].config.options form.field.options-required",
                "field.config.columns[2].key form.subtable.column-duplicate",
                "field.config.columns[2].label form.subtable.column-label",
                "field.config.maxRows form.subtable.max-rows-range"), problems);
        assertEquals(List.of("field.config.columns form.subtable.columns-required"),
                items.checkConfig(field("sub_table", "{}"), "field").stream().map(p -> p.field() + " " + p.code()).toList());
        // the designer's settings text box stores the columns as JSON text
        assertEquals(5, items.columns(field("sub_table", "{\"columns\":" + JSON.valueToTree(json(ITEMS).get("columns").toString()) + "}")).size());
    }

    @Test
    void attachmentsAreNamedByUploadIdsNeverByFileNames() throws Exception {
        AttachmentFieldType files = new AttachmentFieldType();
        FieldDefinition f = field("attachment", "{\"maxFiles\":2}");
        String id = "0b7e5c1e-8a4f-4a7e-9d6a-2f0c3e1b5a77";
        Object value = files.parse(f, json("[\"" + id + "\", {\"id\":\"" + id.toUpperCase() + "\"}]"));
        assertEquals(List.of(id), AttachmentFieldType.ids(value));
        assertEquals(BigDecimal.ONE, files.formulaValue(f, value));
        assertEquals("form.attachment.upload-first", assertThrows(FieldValueException.class,
                () -> files.parse(f, TextNode.valueOf("合同.pdf"))).code());
        assertEquals("form.attachment.not-an-id", assertThrows(FieldValueException.class,
                () -> files.parse(f, json("[\"../../etc/passwd\"]"))).code());
        assertEquals("form.attachment.too-many", assertThrows(FieldValueException.class, () -> files.parse(f,
                json("[\"" + id + "\",\"1b7e5c1e-8a4f-4a7e-9d6a-2f0c3e1b5a77\",\"2b7e5c1e-8a4f-4a7e-9d6a-2f0c3e1b5a77\"]"))).code());
        assertEquals("合同.pdf、照片.png", files.display(f, List.of(AttachmentFieldType.file(id, "合同.pdf", 1L, "application/pdf"),
                AttachmentFieldType.file(id, "照片.png", 1L, "image/png"))));
        assertEquals(List.of("pdf", "docx"), List.copyOf(AttachmentFieldType.accepted(field("attachment", "{\"accept\":\".PDF, *.docx\"}"))));
        assertEquals(1, files.checkConfig(field("attachment", "{\"maxSizeMb\":100}"), "field").size());
    }
}
