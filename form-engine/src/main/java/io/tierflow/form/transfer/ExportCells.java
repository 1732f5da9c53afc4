package io.tierflow.form.transfer;

import com.fasterxml.jackson.databind.node.TextNode;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Turns stored values into cells the way people read them, from each field type's own {@code display}: option
 * labels, multi-select labels joined with "、", ✓/✗. Numbers, dates and date-times stay numbers and dates (XLSX
 * sums and sorts them), formatted like the display. Decided by the value's Java class, never by type name, so
 * a new field type exports without changes here.
 */
@ApplicationScoped
public class ExportCells {

    @Inject
    FieldTypes types;

    ExportCell cell(FieldDefinition field, Object value) {
        if (value == null) {
            return ExportCell.EMPTY;
        }
        FieldType type = types.get(field.type());
        if (value instanceof BigDecimal n) {
            String display = type.display(field, n);
            // CSV has no number cells: the display ("¥1,200.50", "12.5%") when it reads back as the same number
            String text = readsBack(field, type, display, n) ? display : n.toPlainString();
            return new ExportCell(ExportCell.Kind.NUMBER, text, n, null, ExcelNumberFormat.of(display));
        }
        if (value instanceof LocalDate d) {
            return new ExportCell(ExportCell.Kind.DATE, d.toString(), null, d.atStartOfDay(), "yyyy-mm-dd");
        }
        if (value instanceof OffsetDateTime t) {
            // a date-time field's value is already in the field's time zone (see its type's read)
            LocalDateTime local = t.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
            boolean minutes = local.getSecond() == 0;
            String text = local.toLocalDate() + " " + (minutes ? local.toLocalTime().toString().substring(0, 5) : local.toLocalTime());
            return new ExportCell(ExportCell.Kind.DATETIME, text, null, local, minutes ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd hh:mm:ss");
        }
        String display = type.exportText(field, value);
        if (value instanceof java.util.List<?> list && (display == null || display.equals(list.toString()))) {
            // a list the type has no text for (linked record ids): joined as multi-selects are, so it imports back
            display = String.join("、", list.stream().map(String::valueOf).toList());
        }
        return ExportCell.text(display != null ? display : value.toString());
    }

    private static boolean readsBack(FieldDefinition field, FieldType type, String display, BigDecimal value) {
        if (display == null || type.computed()) {
            return false;
        }
        try {
            return type.parse(field, TextNode.valueOf(display)) instanceof BigDecimal back && back.compareTo(value) == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
