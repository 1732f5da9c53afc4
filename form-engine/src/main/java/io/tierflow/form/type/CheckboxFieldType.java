package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;

/** Yes or no. Accepts true/false, 是/否, 1/0, yes/no, on/off and ✓/✗, as spreadsheets and forms send them. */
@ApplicationScoped
public class CheckboxFieldType implements FieldType {

    private static final Set<String> YES = Set.of("true", "1", "yes", "y", "on", "是", "对", "✓", "√");
    private static final Set<String> NO = Set.of("false", "0", "no", "n", "off", "否", "不", "✗", "×");

    @Override
    public String id() {
        return "checkbox";
    }

    @Override
    public String columnType(FieldDefinition field) {
        return "boolean";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.BOOLEAN;
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        if (input == null || input.isNull() || (input.isTextual() && input.asText().isBlank())) {
            return null;
        }
        if (input.isBoolean()) {
            return input.booleanValue();
        }
        String text = input.asText().strip().toLowerCase(Locale.ROOT);
        if (YES.contains(text)) {
            return true;
        }
        if (NO.contains(text)) {
            return false;
        }
        throw new FieldValueException("form.value.not-a-boolean");
    }

    @Override
    public Object read(FieldDefinition field, JsonNode stored) {
        return stored.asBoolean();
    }

    @Override
    public String display(FieldDefinition field, Object value) {
        return value == null ? null : Boolean.TRUE.equals(value) ? "✓" : "✗";
    }

    @Override
    public String widget() {
        return "checkbox";
    }
}
