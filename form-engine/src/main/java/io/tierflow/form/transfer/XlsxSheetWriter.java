package io.tierflow.form.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One worksheet streamed with fastexcel: strings are written inline (a shared-string table would hold every
 * distinct text until the end), and {@link #flush} hands each page's rows to the client.
 */
final class XlsxSheetWriter implements SheetWriter {

    /** Excel refuses to open a cell longer than this. */
    static final int MAX_CELL = 32_767;

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    XlsxSheetWriter(OutputStream out, String sheetName) {
        this.workbook = new Workbook(out, "Tierflow", "1.0");
        this.sheet = workbook.newWorksheet(sheetName(sheetName));
    }

    @Override
    public void header(List<String> labels) throws IOException {
        for (int c = 0; c < labels.size(); c++) {
            String label = labels.get(c);
            // widths go into the sheet's head, which is written on the first flush
            sheet.width(c, Math.max(10, Math.min(50, label.length() * 2.2 + 2)));
            sheet.inlineString(row, c, xmlSafe(CellSafety.neutralise(label)));
            sheet.style(row, c).bold().set();
        }
        sheet.freezePane(0, 1);
        row++;
    }

    @Override
    public void row(List<ExportCell> cells) throws IOException {
        for (int c = 0; c < cells.size(); c++) {
            ExportCell cell = cells.get(c);
            switch (cell.kind()) {
                case NUMBER -> sheet.value(row, c, cell.number());
                case DATE -> sheet.value(row, c, cell.time().toLocalDate());
                case DATETIME -> sheet.value(row, c, cell.time());
                case TEXT -> {
                    if (cell.text() != null) {
                        sheet.inlineString(row, c, xmlSafe(CellSafety.neutralise(cell.text())));
                    }
                }
            }
            if (cell.format() != null) {
                sheet.style(row, c).format(cell.format()).set();
            }
        }
        row++;
    }

    @Override
    public void flush() throws IOException {
        sheet.flush();
    }

    @Override
    public void finish() throws IOException {
        sheet.finish();
        workbook.finish();
    }

    /** Sheet names: at most 31 characters, none of []:*?/\ and no leading or trailing apostrophe. */
    static String sheetName(String name) {
        String clean = name == null ? "" : name.replaceAll("[\\[\\]:*?/\\\\\\p{Cntrl}]", " ").strip().replaceAll("^'+|'+$", "");
        if (clean.isEmpty()) {
            return "Sheet1";
        }
        return clean.codePointCount(0, clean.length()) > 31 ? clean.substring(0, clean.offsetByCodePoints(0, 31)) : clean;
    }

    /** XML 1.0 has no place for most control characters; a stray one would make the whole file unreadable. */
    static String xmlSafe(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean bad = (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0xFFFE || ch == 0xFFFF;
            if (bad && sb == null) {
                sb = new StringBuilder(text.substring(0, i));
            } else if (!bad && sb != null) {
                sb.append(ch);
            }
        }
        String out = sb == null ? text : sb.toString();
        return out.length() > MAX_CELL ? out.substring(0, MAX_CELL) : out;
    }
}
