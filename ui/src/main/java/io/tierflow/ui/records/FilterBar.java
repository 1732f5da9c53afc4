package io.tierflow.ui.records;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.qute.TemplateData;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.type.ChoiceOptions;
import io.tierflow.form.type.FieldType;
import io.tierflow.rule.formula.ValueType;

/**
 * The grid's filter bar: a row per condition (field, operator, value). The fields are those the caller may
 * see plus the record's created and updated times; each field offers the operators its type declares
 * ({@code FieldType.operators}), and the value input fits the field and operator: none for "is empty", a list of
 * options for a choice, yes/no for a checkbox, date pickers for times, two inputs for a range, a number of days.
 */
@TemplateData
public record FilterBar(List<Row> rows, int next) {

    /** A choice in one of the bar's selects. */
    @TemplateData
    public record Option(String key, String label, boolean selected) {
    }

    /**
     * One condition.
     *
     * @param kind  the value input: none, text, number, date, days, select, choices or bool
     * @param range two inputs (from, to)
     * @param error the service's message about this condition, or null
     */
    @TemplateData
    public record Row(int index, List<Option> fields, List<Option> ops, String kind, boolean range, List<Option> choices,
            GridQuery.Condition condition, String error) {

        /** The parameter name of one part of this row: c2.field, c2.op, c2.value. */
        public String name(String part) {
            return "c" + index + "." + part;
        }

        public String id(String part) {
            return "c" + index + "-" + part;
        }

        /** Whether a choice is among the row's values. */
        public boolean chosen(String key) {
            return condition.values().contains(key);
        }
    }

    /**
     * @param label    an operator's or system column's text in the user's language, by message code
     * @param errors   the service's message per condition, by position among the conditions the filter used
     */
    static FilterBar of(FormDefinition form, RoleAccess access, RecordFields fields, List<GridQuery.Condition> conditions,
            List<String> errors, Function<String, String> label) {
        List<Row> rows = new ArrayList<>();
        int applied = 0;
        for (int i = 0; i < conditions.size(); i++) {
            GridQuery.Condition c = conditions.get(i);
            String error = null;
            if (c.complete()) {
                error = applied < errors.size() ? errors.get(applied) : null;
                applied++;
            }
            rows.add(row(form, access, fields, i, c, error, label));
        }
        return new FilterBar(rows, conditions.size());
    }

    /** One row: {@code c} as far as it fits the field (an operator the field lacks becomes its first one). */
    static Row row(FormDefinition form, RoleAccess access, RecordFields fields, int index, GridQuery.Condition c, String error,
            Function<String, String> label) {
        List<FieldDefinition> candidates = candidates(form, access, fields, label);
        FieldDefinition field = candidates.stream().filter(f -> f.key().equals(c.field())).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
        List<Option> fieldOptions = candidates.stream()
                .map(f -> new Option(f.key(), f.label(), field != null && f.key().equals(field.key()))).toList();
        if (field == null) {
            return new Row(index, fieldOptions, List.of(), "none", false, List.of(), c, error);
        }
        FieldType type = fields.type(field);
        List<String> operators = type.operators(field);
        String op = c.op() != null && operators.contains(c.op()) ? c.op() : operators.get(0);
        List<Option> ops = operators.stream().map(o -> new Option(o, label.apply("ui.grid.op." + o), o.equals(op))).toList();
        GridQuery.Condition shown = new GridQuery.Condition(field.key(), op,
                field.key().equals(c.field()) ? c.values() : List.of());
        String kind = kind(type, field, op);
        List<Option> choices = new ArrayList<>();
        if (kind.equals("select") || kind.equals("choices")) {
            ChoiceOptions.of(field).forEach((key, text) -> choices.add(new Option(key, text, shown.values().contains(key))));
        }
        return new Row(index, fieldOptions, ops, kind, GridQuery.RANGE.contains(op), choices, shown, error);
    }

    /** The fields a condition may name, in the form's order, then the record's created and updated times. */
    static List<FieldDefinition> candidates(FormDefinition form, RoleAccess access, RecordFields fields,
            Function<String, String> label) {
        List<FieldDefinition> all = new ArrayList<>();
        for (FieldDefinition f : RecordFields.visible(form, access)) {
            if (!fields.type(f).operators(f).isEmpty()) {
                all.add(f);
            }
        }
        all.add(system("created_at", label.apply("ui.records.created")));
        all.add(system("updated_at", label.apply("ui.records.updated")));
        return all;
    }

    private static FieldDefinition system(String key, String label) {
        return new FieldDefinition(0, key, label, "datetime", false, JsonNodeFactory.instance.objectNode(), 0);
    }

    static String kind(FieldType type, FieldDefinition field, String op) {
        if (GridQuery.NO_VALUE.contains(op)) {
            return "none";
        }
        if (GridQuery.DAYS.contains(op)) {
            return "days";
        }
        String widget = type.widget();
        if (widget.equals("select") || widget.equals(FieldWidgets.MULTISELECT)) {
            return GridQuery.LIST.contains(op) ? "choices" : "select";
        }
        ValueType value = type.valueType(field);
        return switch (value) {
            case BOOLEAN -> "bool";
            case DATE, DATETIME -> "date";
            case NUMBER -> "number";
            default -> "text";
        };
    }
}
