package io.tierflow.form.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

class SheetPeekTest {

    @Test
    void aGbkSemicolonCsvShowsItsHeaderAndFirstThreeRowsBlanksLeftOut() {
        String text = "名称;行业\n\n甲;零售\n乙;\n丙;制造\n丁;能源\n";
        SheetPeek peek = SheetPeek.read(text.getBytes(Charset.forName("GBK")));
        assertEquals(List.of("名称", "行业"), peek.header());
        assertEquals(3, peek.rows().size());
        assertEquals(List.of("零售", "制造"), peek.samples(1));
        assertEquals(List.of(), peek.samples(5));
    }

    @Test
    void anXlsxShowsItsFirstSheet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook book = new Workbook(out, "test", "1.0");
        Worksheet sheet = book.newWorksheet("s");
        sheet.value(0, 0, "客户");
        sheet.value(0, 1, "营收");
        sheet.value(1, 0, "甲");
        sheet.value(1, 1, "120");
        book.finish();
        SheetPeek peek = SheetPeek.read(out.toByteArray());
        assertEquals(List.of("客户", "营收"), peek.header());
        assertEquals(List.of("120"), peek.samples(1));
    }

    @Test
    void anUnreadableFileIsAnEmptyPeek() {
        assertEquals(SheetPeek.EMPTY, SheetPeek.read(new byte[] { 'P', 'K', 3, 4, 0, 0, 0 }));
        assertEquals(SheetPeek.EMPTY, SheetPeek.read("a,\"b\n".getBytes(StandardCharsets.UTF_8)));
    }
}
