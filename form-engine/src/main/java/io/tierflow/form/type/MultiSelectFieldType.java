package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several choices from the field's options, stored as a text[] of option keys in the builder's order.
 * Input is a JSON array or text separated by commas (, or ，); a formula reads the keys joined by ",".
 */
@ApplicationScoped
public class MultiSelectFieldType implements FieldType {

    @Override
    public String id() {
        return "multi_select";
    }

    @Override
    public String columnType(FieldDefinition field) {
        return "text[]";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.TEXT;
    }

    @Override
    public List<String> operators(FieldDefinition field) {
        return FilterOperators.MULTI_CHOICE;
    }

    @Override
    public Object filterValue(FieldDefinition field, JsonNode value) throws FieldValueException {
        return value != null && value.isValueNode() ? ChoiceOptions.key(field, value.asText().strip()) : parse(field, value);
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(ChoiceOptions.OPTION);
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        return ChoiceOptions.check(field, path);
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        if (input == null || input.isNull()) {
            return null;
        }
        List<String> named = new ArrayList<>();
        if (input.isArray()) {
            for (JsonNode n : input) {
                if (!n.isValueNode()) {
                    throw new FieldValueException("form.value.not-an-option", String.join(", ", ChoiceOptions.of(field).values()));
                }
                named.add(n.asText().strip());
            }
        } else if (input.isValueNode()) {
            for (String part : input.asText().split("[,，]")) {
                named.add(part.strip());
            }
        } else {
            throw new FieldValueException("form.value.not-an-option", String.join(", ", ChoiceOptions.of(field).values()));
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : named) {
            if (!name.isEmpty()) {
                chosen.add(ChoiceOptions.key(field, name));
            }
        }
        if (chosen.isEmpty()) {
            return null;
        }
        // the builder's order, so the same choice always stores the same way
        return ChoiceOptions.of(field).keySet().stream().filter(chosen::contains).toList();
    }

    @Override
    public Object read(FieldDefinition field, JsonNode stored) {
        List<String> keys = new ArrayList<>();
        stored.forEach(n -> keys.add(n.asText()));
        return List.copyOf(keys);
    }

    @Override
    public Object formulaValue(FieldDefinition field, Object value) {
        return value instanceof List<?> keys ? String.join(",", keys.stream().map(Object::toString).toList()) : value;
    }

    @Override
    public String display(FieldDefinition field, Object value) {
        if (!(value instanceof List<?> keys)) {
            return null;
        }
        Map<String, String> options = ChoiceOptions.of(field);
        return String.join("、", keys.stream().map(k -> options.getOrDefault(k.toString(), k.toString())).toList());
    }

    @Override
    public String widget() {
        return "multiselect";
    }
}
