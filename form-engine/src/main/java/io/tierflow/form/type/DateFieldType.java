package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar date. Accepts 2026-03-01, 2026/3/1, 2026.3.1 and 2026年3月1日. */
@ApplicationScoped
public class DateFieldType implements FieldType {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    @Override
    public String id() {
        return "date";
    }

    @Override
    public String columnType(FieldDefinition field) {
        return "date";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.DATE;
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        if (input == null || input.isNull() || (input.isTextual() && input.asText().isBlank())) {
            return null;
        }
        return parseDate(input.isTextual() ? input.asText() : "");
    }

    static LocalDate parseDate(String text) throws FieldValueException {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            throw new FieldValueException("form.value.not-a-date");
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new FieldValueException("form.value.not-a-date");
        }
    }

    @Override
    public Object read(FieldDefinition field, JsonNode stored) {
        return LocalDate.parse(stored.asText());
    }

    @Override
    public String widget() {
        return "date";
    }
}
