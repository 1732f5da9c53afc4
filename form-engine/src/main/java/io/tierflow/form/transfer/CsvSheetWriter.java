package io.tierflow.form.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as Excel reads it: UTF-8 with a byte-order mark (without it Excel assumes the local code page and shows
 * Chinese as mojibake), CRLF line ends, quotes where needed; every cell neutralised against formula injection.
 */
final class CsvSheetWriter implements SheetWriter {

    static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private final Writer out;
    private final CSVPrinter printer;

    CsvSheetWriter(OutputStream stream) throws IOException {
        stream.write(BOM);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        this.printer = CSVFormat.EXCEL.print(out);
    }

    @Override
    public void header(List<String> labels) throws IOException {
        printer.printRecord(labels.stream().map(CellSafety::neutralise).toList());
    }

    @Override
    public void row(List<ExportCell> cells) throws IOException {
        List<String> values = new ArrayList<>(cells.size());
        for (ExportCell c : cells) {
            values.add(CellSafety.neutralise(c.text()));
        }
        printer.printRecord(values);
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void finish() throws IOException {
        printer.close(true);
    }
}
