package io.tierflow.form.transfer;

import io.tierflow.core.error.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/** Reads an uploaded file as XLSX (a ZIP) or CSV (anything else that decodes as text), within the limits. */
final class SheetReader {

    static final int MAX_ROWS = 100_000;
    static final long MAX_BYTES = 20L * 1024 * 1024;
    /** Columns beyond this are not read: no form has that many fields, and wide rows cost memory. */
    static final int MAX_COLUMNS = 500;

    private SheetReader() {
    }

    static ImportedSheet read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new Problem(413, "form.import.too-large", MAX_BYTES / 1024 / 1024);
            }
            byte[] head = new byte[8];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            if (n >= 4 && ReadableWorkbook.isOOXMLZipHeader(head)) {
                return XlsxSheetReader.read(file);
            }
            if (n >= 8 && ReadableWorkbook.isOLE2Header(head)) {
                throw Problem.badRequest("form.import.xls-unsupported");
            }
            return CsvSheetReader.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw Problem.badRequest("form.import.unreadable", e.getMessage());
        }
    }

    static Problem tooManyRows() {
        return Problem.badRequest("form.import.too-many-rows", MAX_ROWS);
    }

    /** Whether the row has any content at all: fully blank rows are not data. */
    static boolean blank(String[] cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
