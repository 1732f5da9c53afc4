package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;

/** A whole number of stars from 0 to {@code max} (default 5, at most 10). */
@ApplicationScoped
public class RatingFieldType implements FieldType {

    static final int DEFAULT_MAX = 5;

    @Override
    public String id() {
        return "rating";
    }

    @Override
    public String columnType(FieldDefinition field) {
        return "smallint";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.NUMBER;
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(ConfigOption.number("max", DEFAULT_MAX));
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        JsonNode max = field.config().get("max");
        return max != null && (!max.canConvertToInt() || max.asInt() < 1 || max.asInt() > 10)
                ? List.of(new FieldProblem(path + ".config.max", "form.field.rating-max", 10)) : List.of();
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        BigDecimal value = DecimalInput.parse(input);
        if (value == null) {
            return null;
        }
        int max = field.config() != null && field.config().has("max") ? field.config().get("max").asInt(DEFAULT_MAX) : DEFAULT_MAX;
        if (value.stripTrailingZeros().scale() > 0 || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new FieldValueException("form.value.rating", max);
        }
        return value.setScale(0);
    }

    @Override
    public String display(FieldDefinition field, Object value) {
        return value instanceof BigDecimal v ? "★".repeat(Math.min(10, v.intValue())) : null;
    }

    @Override
    public String widget() {
        return "rating";
    }
}
