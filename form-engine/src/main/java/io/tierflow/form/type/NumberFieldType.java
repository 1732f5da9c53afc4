package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A decimal number with optional {@code min} and {@code max}; stored as numeric, exact. */
@ApplicationScoped
public class NumberFieldType extends DecimalFieldType {

    @Override
    public String id() {
        return "number";
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(ConfigOption.number("min", null), ConfigOption.number("max", null));
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        return checkRange(field, path);
    }

    static List<FieldProblem> checkRange(FieldDefinition field, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : List.of("min", "max")) {
            JsonNode v = field.config().get(name);
            if (v != null && !v.isNull() && !v.isNumber()) {
                problems.add(new FieldProblem(path + ".config." + name, "form.value.not-a-number"));
            }
        }
        BigDecimal min = DecimalInput.bound(field, "min");
        BigDecimal max = DecimalInput.bound(field, "max");
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add(new FieldProblem(path + ".config.max", "form.field.max-below-min", min));
        }
        return problems;
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        BigDecimal value = DecimalInput.parse(input);
        return value == null ? null : DecimalInput.inRange(field, value);
    }

    @Override
    public String widget() {
        return "number";
    }
}
