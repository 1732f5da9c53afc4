package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A computed field whose value type is settled when the form is saved and kept in {@code config.resultType}
 * (a formula's result, a lookup's target field, a rollup's aggregate); the column type follows it.
 */
public abstract class ResultTypedFieldType implements FieldType {

    public static final String RESULT_TYPE = "resultType";

    @Override
    public boolean computed() {
        return true;
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        String type = field.configText(RESULT_TYPE);
        return type == null ? ValueType.NULL : ValueType.valueOf(type);
    }

    @Override
    public String columnType(FieldDefinition field) {
        return switch (valueType(field)) {
            case NUMBER -> "numeric";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "timestamptz";
            case TEXT, NULL -> "text";
        };
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        throw new FieldValueException("form.value.computed");
    }

    @Override
    public Object read(FieldDefinition field, JsonNode stored) {
        if (stored == null || stored.isNull()) {
            return null;
        }
        return switch (valueType(field)) {
            case NUMBER -> stored.decimalValue();
            case BOOLEAN -> stored.asBoolean();
            case DATE -> LocalDate.parse(stored.asText());
            case DATETIME -> OffsetDateTime.parse(stored.asText());
            case TEXT, NULL -> stored.isArray() ? stored.toString() : stored.asText();
        };
    }

    /** A computed value is compared like an input of its result type. */
    @Override
    public Object filterValue(FieldDefinition field, JsonNode value) throws FieldValueException {
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        return switch (valueType(field)) {
            case NUMBER -> DecimalInput.parse(value);
            case BOOLEAN -> new CheckboxFieldType().parse(field, value);
            case DATE -> DateFieldType.parseDate(value.asText());
            case DATETIME -> new DateTimeFieldType().parse(field, value);
            case TEXT, NULL -> value.asText();
        };
    }
}
