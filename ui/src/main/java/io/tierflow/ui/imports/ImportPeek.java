package io.tierflow.ui.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * A glance at an uploaded file for the import wizard's mapping step: the header in the file's order and the
 * first few rows, so the user sees what each column holds. It reads the file the way the import does (XLSX,
 * else CSV in UTF-8, UTF-16 with a mark or GB18030; comma, semicolon or tab) but never decides anything: the
 * import itself reads, checks and maps the file. A file it cannot read gives an empty peek.
 */
final class ImportPeek {

    static final int ROWS = 3;
    static final int MAX_COLUMNS = 500;
    private static final Charset GB18030 = Charset.forName("GB18030");

    record Peek(List<String> header, List<List<String>> rows) {

        static final Peek EMPTY = new Peek(List.of(), List.of());

        /** The sample values of column {@code i}, blanks left out. */
        List<String> samples(int i) {
            List<String> values = new ArrayList<>();
            for (List<String> row : rows) {
                if (i < row.size() && row.get(i) != null && !row.get(i).isBlank()) {
                    values.add(row.get(i).strip());
                }
            }
            return values;
        }
    }

    private ImportPeek() {
    }

    static Peek read(byte[] bytes) {
        try {
            if (bytes.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(bytes)) {
                return xlsx(bytes);
            }
            return csv(decode(bytes));
        } catch (IOException | RuntimeException unreadable) {
            return Peek.EMPTY;
        }
    }

    private static Peek xlsx(byte[] bytes) throws IOException {
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getFirstSheet();
            List<List<String>> lines = new ArrayList<>();
            try (Stream<Row> rows = sheet.openStream()) {
                Iterator<Row> it = rows.iterator();
                while (it.hasNext() && lines.size() <= ROWS) {
                    Row row = it.next();
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < Math.min(row.getCellCount(), MAX_COLUMNS); i++) {
                        cells.add(row.getCellText(i));
                    }
                    if (!blank(cells)) {
                        lines.add(cells);
                    }
                }
            }
            return lines.isEmpty() ? Peek.EMPTY : new Peek(lines.get(0), lines.subList(1, lines.size()));
        }
    }

    private static Peek csv(String text) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).get();
        List<List<String>> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.min(record.size(), MAX_COLUMNS); i++) {
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
        return lines.isEmpty() ? Peek.EMPTY : new Peek(lines.get(0), lines.subList(1, lines.size()));
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    static String decode(byte[] bytes) throws CharacterCodingException {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return strict(StandardCharsets.UTF_8, bytes);
        } catch (CharacterCodingException notUtf8) {
            return strict(GB18030, bytes);
        }
    }

    private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** The most frequent of , ; and tab on the first line, outside quotes; comma when none occurs. */
    static char delimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        if (tab > comma && tab >= semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }
}
