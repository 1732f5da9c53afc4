package io.tierflow.form.transfer;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;

/** A prepared export: its media type, its Content-Disposition, and the body, written page by page. */
public record RecordExport(String mediaType, String contentDisposition, Body body) implements StreamingOutput {

    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        body.write(out);
    }
}
