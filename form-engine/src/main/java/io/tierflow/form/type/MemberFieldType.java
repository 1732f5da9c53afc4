package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A user of the platform (the account manager, a reviewer), stored as the user's id. That the user exists is
 * checked against the directory when the record is written ({@code RelationValues}).
 */
@ApplicationScoped
public class MemberFieldType implements FieldType {

    @Override
    public String id() {
        return "member";
    }

    @Override
    public String columnType(FieldDefinition field) {
        return "bigint";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.NUMBER;
    }

    @Override
    public List<String> operators(FieldDefinition field) {
        return List.of("eq", "neq", "in", "not_in", "empty", "not_empty");
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        if (input == null || input.isNull() || (input.isTextual() && input.asText().isBlank())) {
            return null;
        }
        if (input.isIntegralNumber() && input.canConvertToLong()) {
            return input.asLong();
        }
        if (input.isTextual() && input.asText().strip().matches("\\d{1,18}")) {
            return Long.parseLong(input.asText().strip());
        }
        throw new FieldValueException("form.member.not-an-id");
    }

    @Override
    public Object read(FieldDefinition field, JsonNode stored) {
        return stored.asLong();
    }

    @Override
    public Object formulaValue(FieldDefinition field, Object value) {
        return value instanceof Long id ? java.math.BigDecimal.valueOf(id) : value;
    }

    @Override
    public String widget() {
        return "member";
    }
}
