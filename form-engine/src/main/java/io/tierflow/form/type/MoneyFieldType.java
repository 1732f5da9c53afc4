package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;

/** An amount in {@code currency} (default CNY) with {@code precision} decimals (default 2); never rounded silently. */
@ApplicationScoped
public class MoneyFieldType extends DecimalFieldType {

    @Override
    public String id() {
        return "money";
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(new ConfigOption("currency", "choice:CNY|USD|EUR|HKD|JPY", "CNY", true),
                ConfigOption.number("precision", 2), ConfigOption.number("min", null), ConfigOption.number("max", null));
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        return NumberFieldType.checkRange(field, path);
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        BigDecimal value = DecimalInput.parse(input);
        return value == null ? null : DecimalInput.inRange(field, DecimalInput.withPrecision(field, value, 2));
    }

    @Override
    public String display(FieldDefinition field, Object value) {
        if (!(value instanceof BigDecimal amount)) {
            return value == null ? null : value.toString();
        }
        String currency = field.configText("currency") == null ? "CNY" : field.configText("currency");
        String symbol = switch (currency) {
            case "CNY" -> "¥";
            case "USD", "HKD" -> "$";
            case "EUR" -> "€";
            case "JPY" -> "¥";
            default -> currency + " ";
        };
        int precision = field.config() != null && field.config().has("precision") ? field.config().get("precision").asInt(2) : 2;
        return symbol + String.format("%,." + Math.max(0, Math.min(precision, 10)) + "f", amount);
    }

    @Override
    public String widget() {
        return "money";
    }
}
