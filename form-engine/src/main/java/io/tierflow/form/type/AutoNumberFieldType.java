package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A number given to each new record: {@code prefix} + date part + zero-padded sequence, e.g. KH-202611-0007.
 * The sequence restarts with each period of the date part and is drawn in the record's transaction, so
 * numbers are unique; a rolled-back create leaves a gap, as sequences do.
 */
@ApplicationScoped
public class AutoNumberFieldType implements FieldType {

    public static final List<String> DATE_PARTS = List.of("none", "yyyy", "yyyyMM", "yyyyMMdd");

    @Override
    public String id() {
        return "autonumber";
    }

    @Override
    public boolean computed() {
        return true;
    }

    @Override
    public String columnType(FieldDefinition field) {
        return "text";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.TEXT;
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(ConfigOption.text("prefix", ""), new ConfigOption("datePart", "choice:" + String.join("|", DATE_PARTS), "none", false),
                ConfigOption.number("digits", 4));
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        String prefix = field.configText("prefix");
        if (prefix != null && prefix.length() > 20) {
            problems.add(new FieldProblem(path + ".config.prefix", "form.value.too-long", 20));
        }
        if (field.configText("datePart") != null && !DATE_PARTS.contains(field.configText("datePart"))) {
            problems.add(new FieldProblem(path + ".config.datePart", "form.value.not-an-option", String.join(", ", DATE_PARTS)));
        }
        JsonNode digits = field.config().get("digits");
        if (digits != null && (!digits.canConvertToInt() || digits.asInt() < 1 || digits.asInt() > 12)) {
            problems.add(new FieldProblem(path + ".config.digits", "form.field.digits"));
        }
        return problems;
    }

    /** The counter period of a number drawn today: the formatted date part, or "" without one. */
    public static String period(FieldDefinition field, LocalDate today) {
        String part = field.configText("datePart");
        return part == null || part.equals("none") ? "" : today.format(DateTimeFormatter.ofPattern(part));
    }

    public static String format(FieldDefinition field, String period, long sequence) {
        int digits = field.config() != null && field.config().has("digits") ? field.config().get("digits").asInt(4) : 4;
        String prefix = field.configText("prefix") == null ? "" : field.configText("prefix");
        return prefix + period + (period.isEmpty() ? "" : "-") + String.format("%0" + digits + "d", sequence);
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        throw new FieldValueException("form.value.computed");
    }

    @Override
    public Object read(FieldDefinition field, JsonNode stored) {
        return stored.asText();
    }

    @Override
    public String widget() {
        return "computed";
    }
}
