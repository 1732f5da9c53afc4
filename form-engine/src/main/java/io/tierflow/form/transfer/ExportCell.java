package io.tierflow.form.transfer;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One exported value. {@code text} is what a CSV cell holds; XLSX writes a {@code NUMBER}, {@code DATE} or
 * {@code DATETIME} as a real number or date cell ({@code number}, {@code time}) shown with {@code format}.
 */
record ExportCell(Kind kind, String text, BigDecimal number, LocalDateTime time, String format) {

    enum Kind { TEXT, NUMBER, DATE, DATETIME }

    static final ExportCell EMPTY = new ExportCell(Kind.TEXT, null, null, null, null);

    static ExportCell text(String text) {
        return text == null ? EMPTY : new ExportCell(Kind.TEXT, text, null, null, null);
    }
}
