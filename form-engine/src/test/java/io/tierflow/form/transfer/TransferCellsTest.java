package io.tierflow.form.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierflow.core.error.Problem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The pure pieces of import and export, without Quarkus. */
class TransferCellsTest {

    @Test
    void formulaLikeCellsAreNeutralisedAndRestoredButNumbersStayNumbers() {
        assertEquals("'=HYPERLINK(\"http://x\")", CellSafety.neutralise("=HYPERLINK(\"http://x\")"));
        assertEquals("'+86 138", CellSafety.neutralise("+86 138"));
        assertEquals("'@SUM(A1)", CellSafety.neutralise("@SUM(A1)"));
        assertEquals("'-2+3+cmd|' /C calc'!A0", CellSafety.neutralise("-2+3+cmd|' /C calc'!A0"));
        assertEquals("'\t=1", CellSafety.neutralise("\t=1"));
        assertEquals("'\r=1", CellSafety.neutralise("\r=1"));
        assertEquals("-5", CellSafety.neutralise("-5"));
        assertEquals("-1,200.50", CellSafety.neutralise("-1,200.50"));
        assertEquals("-12.5%", CellSafety.neutralise("-12.5%"));
        assertEquals("普通文本", CellSafety.neutralise("普通文本"));
        assertEquals("=cmd", CellSafety.restore("'=cmd"));
        assertEquals("'quoted", CellSafety.restore("'quoted"));
        assertEquals("'", CellSafety.restore("'"));
    }

    @Test
    void numberFormatsFollowTheDisplayText() {
        assertEquals("\"¥\"#,##0.00", ExcelNumberFormat.of("¥1,200.50"));
        assertEquals("\"$\"0.00", ExcelNumberFormat.of("$-5.00"));
        assertEquals("\"$\"#,##0.00", ExcelNumberFormat.of("$-5,000.00"));
        assertEquals("0.0\"%\"", ExcelNumberFormat.of("12.5%"));
        assertEquals("0\"%\"", ExcelNumberFormat.of("12%"));
        assertNull(ExcelNumberFormat.of("150.25"));
        assertNull(ExcelNumberFormat.of("★★★★"));
        assertNull(ExcelNumberFormat.of(null));
    }

    @Test
    void dateCellsAreRecognisedByFormatAndReadAsDateText() {
        assertTrue(ExcelDates.isDateFormat(14, null));
        assertTrue(ExcelDates.isDateFormat(57, null));
        assertTrue(ExcelDates.isDateFormat(164, "yyyy-mm-dd"));
        assertTrue(ExcelDates.isDateFormat(165, "yyyy\"年\"m\"月\"d\"日\""));
        assertTrue(ExcelDates.isDateFormat(166, "[$-804]yyyy/m/d h:mm;@"));
        assertTrue(ExcelDates.isDateFormat(167, "yyyy-mm-dd hh:mm:ss"));
        assertFalse(ExcelDates.isDateFormat(2, "0.00"));
        assertFalse(ExcelDates.isDateFormat(168, "\"¥\"#,##0.00"));
        assertFalse(ExcelDates.isDateFormat(169, "0.0\"%\""));
        assertFalse(ExcelDates.isDateFormat(0, "General"));
        assertEquals("2026-03-01", ExcelDates.text("46082", false));
        assertEquals("2026-03-01 14:30", ExcelDates.text("46082.604166666664", false));
        assertEquals("2026-03-01 14:30:05", ExcelDates.text("46082.60422453704", false));
        assertEquals("1900-01-01", ExcelDates.text("1", false));
        assertEquals("1900-03-01", ExcelDates.text("61", false));
        assertEquals("14:30", ExcelDates.text("0.6041666666666666", false));
        assertEquals("2030-03-02", ExcelDates.text("46082", true));
    }

    @Test
    void csvTextIsDecodedFromUtf8WithOrWithoutBomAndFromGbk() {
        String text = "客户名称,行业\n杭州云栖,信息技术\n";
        assertEquals(text, CsvSheetReader.decode(text.getBytes(StandardCharsets.UTF_8)));
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertEquals(text, CsvSheetReader.decode(bom));
        assertEquals(text, CsvSheetReader.decode(text.getBytes(Charset.forName("GBK"))));
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        assertEquals(text, CsvSheetReader.decode(utf16));
    }

    @Test
    void theDelimiterIsTheOneTheHeaderUses() {
        assertEquals(',', CsvSheetReader.delimiter("a,b,c\n1;2"));
        assertEquals(';', CsvSheetReader.delimiter("a;b;\"x,y\"\n"));
        assertEquals('\t', CsvSheetReader.delimiter("a\tb\tc"));
        assertEquals(',', CsvSheetReader.delimiter("single"));
    }

    @Test
    void csvRowsKeepTheirSpreadsheetNumbersAcrossBlankLinesAndQuotedLineBreaks() {
        ImportedSheet sheet = CsvSheetReader.read("名称,备注\n甲,\"第一行\n第二行\"\n\n乙,'=1+1\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.List.of("名称", "备注"), sheet.header());
        assertEquals(2, sheet.rows().size());
        assertEquals(2, sheet.rows().get(0).number());
        assertEquals("第一行\n第二行", sheet.rows().get(0).cell(1));
        assertEquals(4, sheet.rows().get(1).number());
        assertEquals("=1+1", sheet.rows().get(1).cell(1));
        Problem p = assertThrows(Problem.class, () -> CsvSheetReader.read("a,\"b\n1,2".getBytes(StandardCharsets.UTF_8)));
        assertEquals("form.import.unreadable", p.code());
        assertEquals("form.import.empty", assertThrows(Problem.class, () -> CsvSheetReader.read(new byte[0])).code());
    }

    @Test
    void theFileNameTravelsAsRfc5987() {
        assertEquals("attachment; filename=\"customer.xlsx\"; filename*=UTF-8''%E5%AE%A2%E6%88%B7.xlsx",
                ContentDisposition.attachment("客户.xlsx", "customer.xlsx"));
        assertEquals("attachment; filename=\"a.csv\"; filename*=UTF-8''a_b%20c.csv", ContentDisposition.attachment("a/b c.csv", "a.csv"));
    }

    @Test
    void sheetNamesAndCellsAreMadeAcceptableToExcel() {
        assertEquals("客户 2026", XlsxSheetWriter.sheetName("客户/2026"));
        assertEquals("Sheet1", XlsxSheetWriter.sheetName("''"));
        assertEquals(31, XlsxSheetWriter.sheetName("x".repeat(40)).length());
        assertEquals("ab", XlsxSheetWriter.xmlSafe("a\u0001b"));
        assertEquals("a\nb", XlsxSheetWriter.xmlSafe("a\nb"));
    }
}
