package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One choice from {@code config.options} ([{"key":"a","label":"甲","color":"#c00"}]). The key is stored, so
 * relabelling an option keeps every record; input may name an option by key or by label.
 */
@ApplicationScoped
public class SingleSelectFieldType implements FieldType {

    @Override
    public String id() {
        return "single_select";
    }

    @Override
    public String columnType(FieldDefinition field) {
        return "text";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.TEXT;
    }

    /** Option key → label, in the builder's order. */
    public static Map<String, String> options(FieldDefinition field) {
        Map<String, String> options = new LinkedHashMap<>();
        JsonNode list = field.config() == null ? null : field.config().get("options");
        if (list != null && list.isArray()) {
            for (JsonNode o : list) {
                String key = o.path("key").asText("");
                options.put(key, o.path("label").asText(key));
            }
        }
        return options;
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode list = field.config().get("options");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(new FieldProblem(path + ".config.options", "form.field.options-required"));
            return problems;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String key = list.get(i).path("key").asText("").strip();
            if (key.isEmpty() || key.length() > 100) {
                problems.add(new FieldProblem(path + ".config.options[" + i + "].key", "form.field.option-key-invalid"));
            } else if (!seen.add(key)) {
                problems.add(new FieldProblem(path + ".config.options[" + i + "].key", "form.field.option-duplicate", key));
            }
        }
        return problems;
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        if (input == null || input.isNull() || (input.isValueNode() && input.asText().isBlank())) {
            return null;
        }
        if (!input.isValueNode()) {
            throw new FieldValueException("form.value.not-an-option", String.join(", ", options(field).values()));
        }
        String text = input.asText().strip();
        Map<String, String> options = options(field);
        if (options.containsKey(text)) {
            return text;
        }
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (o.getValue().equals(text)) {
                return o.getKey();
            }
        }
        throw new FieldValueException("form.value.not-an-option", String.join(", ", options.values()));
    }

    @Override
    public String display(FieldDefinition field, Object value) {
        return value == null ? null : options(field).getOrDefault(value.toString(), value.toString());
    }

    @Override
    public String widget() {
        return "select";
    }
}
