package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A value computed from other fields by {@code config.formula}. The formula's result type is fixed when the
 * form is saved ({@code config.resultType}) and decides the column type.
 */
@ApplicationScoped
public class FormulaFieldType implements FieldType {

    public static final String FORMULA = "formula";
    public static final String RESULT_TYPE = "resultType";

    @Override
    public String id() {
        return "formula";
    }

    @Override
    public boolean computed() {
        return true;
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
    public ValueType valueType(FieldDefinition field) {
        String type = field.configText(RESULT_TYPE);
        return type == null ? ValueType.NULL : ValueType.valueOf(type);
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(new ConfigOption(FORMULA, "formula", null, true));
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        String formula = field.configText(FORMULA);
        return formula == null || formula.isBlank()
                ? List.of(new FieldProblem(path + ".config.formula", "form.field.formula-required"))
                : List.of();
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        throw new FieldValueException("form.value.computed");
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
            case TEXT, NULL -> stored.asText();
        };
    }

    @Override
    public String widget() {
        return "computed";
    }
}
