package io.tierflow.form.transfer;

import io.tierflow.core.error.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as people actually have it. The encoding: a byte-order mark says UTF-8 or UTF-16 (Excel's "Unicode
 * text"); without one, UTF-8 if the bytes are valid UTF-8, else GB18030, the superset of the GBK that Chinese
 * Excel writes. The delimiter: whichever of comma, semicolon (European Excel) or tab occurs most in the header.
 */
final class CsvSheetReader {

    static final Charset GB18030 = Charset.forName("GB18030");

    private CsvSheetReader() {
    }

    static ImportedSheet read(byte[] bytes) {
        String text = decode(bytes);
        if (text.indexOf('\0') >= 0) {
            throw Problem.badRequest("form.import.unreadable", "binary");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text))
                // blank lines stay records, so record numbers are the rows Excel shows
                .setIgnoreEmptyLines(false).get();
        List<String> header = null;
        List<ImportedSheet.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                int number = Math.toIntExact(record.getRecordNumber());
                if (header == null) {
                    if (SheetReader.blank(record.values())) {
                        continue;
                    }
                    header = new ArrayList<>();
                    for (int i = 0; i < Math.min(record.size(), SheetReader.MAX_COLUMNS); i++) {
                        header.add(CellSafety.restore(record.get(i)));
                    }
                    continue;
                }
                String[] cells = new String[header.size()];
                for (int i = 0; i < cells.length && i < record.size(); i++) {
                    String v = record.get(i);
                    cells[i] = v.isEmpty() ? null : CellSafety.restore(v);
                }
                if (SheetReader.blank(cells)) {
                    continue;
                }
                if (rows.size() == SheetReader.MAX_ROWS) {
                    throw SheetReader.tooManyRows();
                }
                rows.add(new ImportedSheet.Row(number, cells, Map.of()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports an unclosed quote and the like this way
            throw Problem.badRequest("form.import.unreadable", e.getMessage());
        }
        if (header == null) {
            throw Problem.badRequest("form.import.empty");
        }
        return new ImportedSheet("csv", header, rows);
    }

    static String decode(byte[] bytes) {
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
            try {
                return strict(GB18030, bytes);
            } catch (CharacterCodingException notGbk) {
                throw Problem.badRequest("form.import.encoding");
            }
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
