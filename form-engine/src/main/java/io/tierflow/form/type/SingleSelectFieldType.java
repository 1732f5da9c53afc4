package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** One choice from the field's coloured options (see {@link ChoiceOptions}); the option's key is stored. */
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
        return ChoiceOptions.of(field);
    }

    @Override
    public List<String> operators(FieldDefinition field) {
        return FilterOperators.CHOICE;
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
        if (input == null || input.isNull() || (input.isValueNode() && input.asText().isBlank())) {
            return null;
        }
        if (!input.isValueNode()) {
            throw new FieldValueException("form.value.not-an-option", String.join(", ", options(field).values()));
        }
        return ChoiceOptions.key(field, input.asText().strip());
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
