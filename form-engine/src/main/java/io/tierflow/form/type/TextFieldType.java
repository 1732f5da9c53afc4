package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;

/** Single-line text, at most {@code maxLength} characters (default 200). */
@ApplicationScoped
public class TextFieldType implements FieldType {

    static final int DEFAULT_MAX_LENGTH = 200;

    @Override
    public String id() {
        return "text";
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
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        if (input == null || input.isNull()) {
            return null;
        }
        if (input.isContainerNode()) {
            throw new FieldValueException("form.value.not-text");
        }
        String text = input.asText().strip();
        if (text.isEmpty()) {
            return null;
        }
        int max = field.config() != null && field.config().hasNonNull("maxLength")
                ? field.config().get("maxLength").asInt(DEFAULT_MAX_LENGTH) : DEFAULT_MAX_LENGTH;
        if (text.codePointCount(0, text.length()) > max) {
            throw new FieldValueException("form.value.too-long", max);
        }
        return text;
    }

    @Override
    public String widget() {
        return "text";
    }
}
