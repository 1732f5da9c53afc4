package io.tierflow.form.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A glance at an uploaded file, for an import wizard's mapping step: the header in the file's order and the
 * first few rows, so the user sees what each column holds. It reads the file the way the import does (XLSX,
 * else CSV with {@link CsvSheetReader}'s encoding and delimiter detection) but never decides anything: the
 * import itself reads, checks and maps the file. A file it cannot read gives an empty peek.
 */
public record SheetPeek(List<String> header, List<List<String>> rows) {

    /** How many rows after the header a peek holds. */
    public static final int ROWS = 3;
    public static final SheetPeek EMPTY = new SheetPeek(List.of(), List.of());

    /** The sample values of column {@code i}, blanks left out. */
    public List<String> samples(int i) {
        List<String> values = new ArrayList<>();
        for (List<String> row : rows) {
            if (i < row.size() && row.get(i) != null && !row.get(i).isBlank()) {
                values.add(row.get(i).strip());
            }
        }
        return values;
    }

    public static SheetPeek read(byte[] bytes) {
        try {
            if (bytes.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(bytes)) {
                return xlsx(bytes);
            }
            return csv(CsvSheetReader.decode(bytes));
        } catch (IOException | RuntimeException unreadable) {
            return EMPTY;
        }
    }

    private static SheetPeek xlsx(byte[] bytes) throws IOException {
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getFirstSheet();
            List<List<String>> lines = new ArrayList<>();
            try (Stream<Row> rows = sheet.openStream()) {
                Iterator<Row> it = rows.iterator();
                while (it.hasNext() && lines.size() <= ROWS) {
                    Row row = it.next();
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < Math.min(row.getCellCount(), SheetReader.MAX_COLUMNS); i++) {
                        cells.add(row.getCellText(i));
                    }
                    if (!blank(cells)) {
                        lines.add(cells);
                    }
                }
            }
            return of(lines);
        }
    }

    private static SheetPeek csv(String text) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(CsvSheetReader.delimiter(text)).get();
        List<List<String>> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.min(record.size(), SheetReader.MAX_COLUMNS); i++) {
                    cells.add(record.get(i));
                }
                if (!blank(cells)) {
                    lines.add(cells);
                }
                if (lines.size() > ROWS) {
                    break;
                }
            }
        }
        return of(lines);
    }

    private static SheetPeek of(List<List<String>> lines) {
        return lines.isEmpty() ? EMPTY : new SheetPeek(lines.get(0), lines.subList(1, lines.size()));
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
