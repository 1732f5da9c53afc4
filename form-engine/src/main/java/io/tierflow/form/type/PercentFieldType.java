package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.form.model.FieldDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;

/** A percentage, stored in percent units (12.5 means 12.5 %); "12.5%" and 12.5 are the same input. */
@ApplicationScoped
public class PercentFieldType extends DecimalFieldType {

    @Override
    public String id() {
        return "percent";
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(ConfigOption.number("precision", 2));
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        BigDecimal value = DecimalInput.parse(input);
        return value == null ? null : DecimalInput.withPrecision(field, value, 2);
    }

    @Override
    public String display(FieldDefinition field, Object value) {
        return value instanceof BigDecimal p ? p.stripTrailingZeros().toPlainString() + "%" : null;
    }

    @Override
    public String widget() {
        return "percent";
    }
}
