package io.tierflow.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.db.OrdinalParams;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.type.FieldValueException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Turns a filter tree into a SQL predicate over a record table aliased {@code r}:
 * <pre>{"and":[{"field":"revenue","op":"gte","value":100}, {"or":[{"field":"industry","op":"in","value":["it"]},
 *  {"field":"signed","op":"last_days","value":30}]}]}</pre>
 * Each field's type says which operators it allows and reads the comparison values (so "¥1,200" and
 * "2026年3月1日" work here as in input); values are bound, never written into the SQL.
 */
public final class RecordFilter {

    static final int MAX_CONDITIONS = 50;
    static final int MAX_DEPTH = 5;
    static final int MAX_VALUES = 500;

    private final FormDefinition form;
    private final RecordColumns columns;
    private final OrdinalParams params;
    private final List<FieldProblem> problems = new ArrayList<>();
    private int conditions;

    private RecordFilter(FormDefinition form, RecordColumns columns, OrdinalParams params) {
        this.form = form;
        this.columns = columns;
        this.params = params;
    }

    /** The predicate for {@code filter} (null or empty: {@code true}); bad parts are reported together by path. */
    public static String where(FormDefinition form, RecordColumns columns, JsonNode filter, OrdinalParams params) {
        if (filter == null || filter.isNull() || (filter.isObject() && filter.isEmpty())) {
            return "true";
        }
        RecordFilter f = new RecordFilter(form, columns, params);
        String sql = f.node(filter, "filter", 0);
        if (!f.problems.isEmpty()) {
            throw Problem.invalid(f.problems);
        }
        return sql;
    }

    private String node(JsonNode node, String path, int depth) {
        if (!node.isObject()) {
            return problem(path, "form.filter.not-an-object");
        }
        if (depth > MAX_DEPTH) {
            return problem(path, "form.filter.too-deep", MAX_DEPTH);
        }
        for (String group : List.of("and", "or")) {
            if (node.has(group)) {
                JsonNode list = node.get(group);
                if (!list.isArray() || list.isEmpty()) {
                    return problem(path + "." + group, "form.filter.group-empty");
                }
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    parts.add(node(list.get(i), path + "." + group + "[" + i + "]", depth + 1));
                }
                return "(" + String.join(group.equals("and") ? " AND " : " OR ", parts) + ")";
            }
        }
        return condition(node, path);
    }

    private String condition(JsonNode node, String path) {
        if (++conditions > MAX_CONDITIONS) {
            return problem(path, "form.filter.too-many", MAX_CONDITIONS);
        }
        String key = node.path("field").asText("");
        RecordColumns.Column column = columns.find(key).orElse(null);
        if (column == null) {
            return problem(path + ".field", "form.filter.unknown-field", key);
        }
        String op = node.path("op").asText("");
        List<String> allowed = column.type().operators(column.field());
        if (!allowed.contains(op)) {
            return problem(path + ".op", "form.filter.operator", op, String.join(", ", allowed));
        }
        String col = column.sql();
        JsonNode value = node.get("value");
        try {
            String own = column.type().filterSql(column.field(), col, op, value, params::bind);
            if (own != null) {
                return own;
            }
            return switch (op) {
                case "eq" -> col + " = " + bind(column, value);
                case "neq" -> "(" + col + " IS NULL OR " + col + " <> " + bind(column, value) + ")";
                case "gt", "after" -> col + " > " + bind(column, value);
                case "gte" -> col + " >= " + bind(column, value);
                case "lt", "before" -> col + " < " + bind(column, value);
                case "lte" -> col + " <= " + bind(column, value);
                case "between" -> col + " BETWEEN " + bind(column, element(value, 0, 2)) + " AND " + bind(column, element(value, 1, 2));
                case "in" -> col + " IN (" + bindAll(column, value) + ")";
                case "not_in" -> "(" + col + " IS NULL OR " + col + " NOT IN (" + bindAll(column, value) + "))";
                case "contains" -> col + " ILIKE " + params.bind("%" + like(value) + "%");
                case "not_contains" -> "(" + col + " IS NULL OR " + col + " NOT ILIKE " + params.bind("%" + like(value) + "%") + ")";
                case "starts_with" -> col + " ILIKE " + params.bind(like(value) + "%");
                case "empty" -> column.multi() ? "(" + col + " IS NULL OR cardinality(" + col + ") = 0)" : col + " IS NULL";
                case "not_empty" -> column.multi() ? "cardinality(" + col + ") > 0" : col + " IS NOT NULL";
                case "last_days" -> column.dateOnly()
                        ? col + " BETWEEN CURRENT_DATE - " + days(value) + " AND CURRENT_DATE"
                        : col + " BETWEEN now() - make_interval(days => " + days(value) + ") AND now()";
                case "next_days" -> column.dateOnly()
                        ? col + " BETWEEN CURRENT_DATE AND CURRENT_DATE + " + days(value)
                        : col + " BETWEEN now() AND now() + make_interval(days => " + days(value) + ")";
                case "has_any" -> col + " && ARRAY[" + bindAll(column, value) + "]::text[]";
                case "has_all" -> col + " @> ARRAY[" + bindAll(column, value) + "]::text[]";
                default -> problem(path + ".op", "form.filter.operator", op, String.join(", ", allowed));
            };
        } catch (FieldValueException e) {
            return problem(path + ".value", e.code(), e.args());
        }
    }

    private String bind(RecordColumns.Column column, JsonNode value) throws FieldValueException {
        Object v = column.type().filterValue(column.field(), value);
        if (v == null) {
            throw new FieldValueException("form.filter.value-required");
        }
        return params.bind(v instanceof List<?> l && l.size() == 1 ? l.get(0) : v);
    }

    private String bindAll(RecordColumns.Column column, JsonNode value) throws FieldValueException {
        if (value == null || !value.isArray() || value.isEmpty() || value.size() > MAX_VALUES) {
            throw new FieldValueException("form.filter.list-expected", MAX_VALUES);
        }
        List<String> placeholders = new ArrayList<>();
        for (Iterator<JsonNode> it = value.elements(); it.hasNext();) {
            placeholders.add(bind(column, it.next()));
        }
        return String.join(", ", placeholders);
    }

    private static JsonNode element(JsonNode value, int index, int size) throws FieldValueException {
        if (value == null || !value.isArray() || value.size() != size) {
            throw new FieldValueException("form.filter.range-expected");
        }
        return value.get(index);
    }

    private String days(JsonNode value) throws FieldValueException {
        if (value == null || !value.canConvertToInt() || value.asInt() < 0 || value.asInt() > 36_500) {
            throw new FieldValueException("form.filter.days-expected");
        }
        // typed explicitly: in "CURRENT_DATE - $1" PostgreSQL would otherwise guess a date
        return "CAST(" + params.bind(value.asInt()) + " AS integer)";
    }

    private static String like(JsonNode value) throws FieldValueException {
        if (value == null || !value.isValueNode() || value.asText().isEmpty() || value.asText().length() > 200) {
            throw new FieldValueException("form.filter.text-expected");
        }
        return RecordService.likeEscaped(value.asText());
    }

    private String problem(String path, String code, Object... args) {
        problems.add(new FieldProblem(path, code, args));
        return "false";
    }
}
