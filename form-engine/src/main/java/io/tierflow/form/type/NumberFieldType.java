package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A decimal number with optional {@code min} and {@code max}; stored as numeric, exact. */
@ApplicationScoped
public class NumberFieldType implements FieldType {

    /** Keeps parsing bounded: BigDecimal accepts exponents that would make later arithmetic explode. */
    static final int MAX_DIGITS = 30;

    @Override
    public String id() {
        return "number";
    }

    @Override
    public String columnType(FieldDefinition field) {
        return "numeric";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.NUMBER;
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal min = bound(field, "min");
        BigDecimal max = bound(field, "max");
        for (String name : List.of("min", "max")) {
            JsonNode v = field.config().get(name);
            if (v != null && !v.isNull() && !v.isNumber()) {
                problems.add(new FieldProblem(path + ".config." + name, "form.value.not-a-number"));
            }
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add(new FieldProblem(path + ".config.max", "form.field.max-below-min", min));
        }
        return problems;
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        if (input == null || input.isNull() || (input.isTextual() && input.asText().isBlank())) {
            return null;
        }
        BigDecimal value;
        if (input.isNumber()) {
            if (input.isFloatingPointNumber() && !Double.isFinite(input.doubleValue()) && !input.isBigDecimal()) {
                throw new FieldValueException("form.value.number-too-large", MAX_DIGITS);
            }
            value = input.decimalValue();
        } else if (input.isTextual()) {
            try {
                value = new BigDecimal(input.asText().strip().replace(",", ""));
            } catch (NumberFormatException e) {
                throw new FieldValueException("form.value.not-a-number");
            }
        } else {
            throw new FieldValueException("form.value.not-a-number");
        }
        if (value.precision() - value.scale() > MAX_DIGITS || value.scale() > MAX_DIGITS) {
            throw new FieldValueException("form.value.number-too-large", MAX_DIGITS);
        }
        BigDecimal min = bound(field, "min");
        BigDecimal max = bound(field, "max");
        if (min != null && value.compareTo(min) < 0) {
            throw new FieldValueException("form.value.below-min", min.toPlainString());
        }
        if (max != null && value.compareTo(max) > 0) {
            throw new FieldValueException("form.value.above-max", max.toPlainString());
        }
        return value;
    }

    private static BigDecimal bound(FieldDefinition field, String name) {
        JsonNode v = field.config() == null ? null : field.config().get(name);
        return v != null && v.isNumber() ? v.decimalValue() : null;
    }

    @Override
    public String widget() {
        return "number";
    }
}
