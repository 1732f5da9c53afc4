package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A link to records of another form ({@code config.form}, its key): many-to-one by default (a bigint column
 * holding the target's id), many-to-many with {@code multiple} (a bigint[]). The other form sees the reverse
 * side (one-to-many) through {@code /related}. Targets must exist and be visible to the writer: that check
 * needs the database, so {@code RelationValues} does it; this class only reads the ids.
 */
@ApplicationScoped
public class RelationFieldType implements FieldType {

    public static final String FORM = "form";
    public static final String MULTIPLE = "multiple";
    static final int MAX_LINKS = 200;

    @Override
    public String id() {
        return "relation";
    }

    public static boolean multiple(FieldDefinition field) {
        return field.config() != null && field.config().path(MULTIPLE).asBoolean(false);
    }

    public static String targetForm(FieldDefinition field) {
        return field.configText(FORM);
    }

    @Override
    public String columnType(FieldDefinition field) {
        return multiple(field) ? "bigint[]" : "bigint";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return multiple(field) ? ValueType.TEXT : ValueType.NUMBER;
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(new ConfigOption(FORM, "form", null, true), new ConfigOption(MULTIPLE, "boolean", false, false));
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        String form = targetForm(field);
        return form == null || form.isBlank() ? List.of(new FieldProblem(path + ".config.form", "form.relation.form-required"))
                : List.of();
    }

    @Override
    public List<String> operators(FieldDefinition field) {
        return multiple(field) ? List.of("empty", "not_empty") : List.of("eq", "neq", "in", "not_in", "empty", "not_empty");
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        if (input == null || input.isNull() || (input.isTextual() && input.asText().isBlank())) {
            return null;
        }
        List<JsonNode> items = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(items::add);
        } else if (input.isTextual() && input.asText().contains(",")) {
            for (String part : input.asText().split(",")) {
                items.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(part.strip()));
            }
        } else {
            items.add(input);
        }
        if (!multiple(field) && items.size() > 1) {
            throw new FieldValueException("form.relation.one-only");
        }
        if (items.size() > MAX_LINKS) {
            throw new FieldValueException("form.relation.too-many", MAX_LINKS);
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode item : items) {
            long id;
            if (item.canConvertToLong() && item.isIntegralNumber()) {
                id = item.asLong();
            } else if (item.isTextual() && item.asText().matches("\\d{1,18}")) {
                id = Long.parseLong(item.asText());
            } else {
                throw new FieldValueException("form.relation.not-an-id");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return null;
        }
        return multiple(field) ? List.copyOf(ids) : ids.iterator().next();
    }

    @Override
    public Object read(FieldDefinition field, JsonNode stored) {
        if (stored.isArray()) {
            List<Long> ids = new ArrayList<>();
            stored.forEach(n -> ids.add(n.asLong()));
            return List.copyOf(ids);
        }
        return stored.asLong();
    }

    @Override
    public Object formulaValue(FieldDefinition field, Object value) {
        if (value instanceof List<?> ids) {
            return String.join(",", ids.stream().map(Object::toString).toList());
        }
        return value instanceof Long id ? java.math.BigDecimal.valueOf(id) : value;
    }

    @Override
    public String widget() {
        return "relation";
    }
}
