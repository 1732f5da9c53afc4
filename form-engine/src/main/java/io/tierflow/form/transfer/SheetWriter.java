package io.tierflow.form.transfer;

import java.io.IOException;
import java.util.List;

/** Writes one exported table as it is produced: a header, rows, a flush after each page, then the end. */
interface SheetWriter {

    void header(List<String> labels) throws IOException;

    void row(List<ExportCell> cells) throws IOException;

    /** Sends what was written so far to the client, so no more than a page is ever held. */
    void flush() throws IOException;

    void finish() throws IOException;
}
