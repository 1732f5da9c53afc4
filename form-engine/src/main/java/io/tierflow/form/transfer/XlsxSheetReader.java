package io.tierflow.form.transfer;

import io.tierflow.core.error.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first worksheet of an XLSX file, streamed with fastexcel-reader. Cells become the text a person sees:
 * numbers plainly (to Excel's 15 significant digits, which hides binary noise like 0.30000000000000004),
 * date-formatted numbers as dates, formulas as their cached result.
 */
final class XlsxSheetReader {

    /** A 20 MB upload that inflates beyond this is a zip bomb, not a customer list. */
    static final long MAX_UNZIPPED = 500L * 1024 * 1024;
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private XlsxSheetReader() {
    }

    static ImportedSheet read(Path file) throws IOException {
        checkInflatedSize(file);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
                Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            boolean date1904 = workbook.isDate1904();
            List<String> header = null;
            List<ImportedSheet.Row> rows = new ArrayList<>();
            for (Row row : (Iterable<Row>) stream::iterator) {
                int width = header == null ? Math.min(row.getCellCount(), SheetReader.MAX_COLUMNS) : header.size();
                String[] cells = new String[width];
                Map<Integer, String> errors = new HashMap<>();
                for (int i = 0; i < width; i++) {
                    // a row stops at its last non-empty cell: trailing empty cells are not there at all
                    Cell cell = i < row.getCellCount() ? row.getCell(i) : null;
                    if (cell != null && cell.getType() == org.dhatim.fastexcel.reader.CellType.ERROR) {
                        errors.put(i, cell.getRawValue());
                    } else {
                        cells[i] = text(cell, date1904);
                    }
                }
                if (SheetReader.blank(cells) && errors.isEmpty()) {
                    continue;
                }
                if (header == null) {
                    header = new ArrayList<>();
                    for (String c : cells) {
                        header.add(c == null ? "" : c);
                    }
                    continue;
                }
                if (rows.size() == SheetReader.MAX_ROWS) {
                    throw SheetReader.tooManyRows();
                }
                rows.add(new ImportedSheet.Row(row.getRowNum(), cells, errors.isEmpty() ? Map.of() : errors));
            }
            if (header == null) {
                throw Problem.badRequest("form.import.empty");
            }
            return new ImportedSheet("xlsx", header, rows);
        } catch (UncheckedIOException e) {
            throw Problem.badRequest("form.import.unreadable", e.getCause().getMessage());
        } catch (RuntimeException e) {
            if (e instanceof Problem p) {
                throw p;
            }
            // fastexcel-reader's ExcelReaderException and XML errors: a damaged or foreign file
            throw Problem.badRequest("form.import.unreadable", String.valueOf(e.getMessage()));
        }
    }

    private static void checkInflatedSize(Path file) throws IOException {
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                long size = e.nextElement().getSize();
                total += size < 0 ? MAX_UNZIPPED : size;
                if (total > MAX_UNZIPPED) {
                    throw Problem.badRequest("form.import.unreadable", "too large when unzipped");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw Problem.badRequest("form.import.unreadable", e.getMessage());
        }
    }

    static String text(Cell cell, boolean date1904) {
        if (cell == null) {
            return null;
        }
        String raw = cell.getRawValue();
        String text = switch (cell.getType()) {
            case EMPTY, ERROR -> null;
            case STRING -> CellSafety.restore(cell.asString());
            case BOOLEAN -> Boolean.toString(Boolean.TRUE.equals(cell.asBoolean()));
            case NUMBER -> number(cell, raw, date1904);
            // the result Excel cached when it saved; a number or date result reads like one typed in
            case FORMULA -> raw == null ? null : isNumber(raw) ? number(cell, raw, date1904) : CellSafety.restore(raw);
        };
        return text == null || text.isEmpty() ? null : text;
    }

    private static String number(Cell cell, String raw, boolean date1904) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (ExcelDates.isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
            String date = ExcelDates.text(raw, date1904);
            if (date != null) {
                return date;
            }
        }
        try {
            BigDecimal n = new BigDecimal(raw.strip()).round(EXCEL_DIGITS).stripTrailingZeros();
            return (n.scale() < 0 ? n.setScale(0) : n).toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static boolean isNumber(String raw) {
        try {
            new BigDecimal(raw.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
