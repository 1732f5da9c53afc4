package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings every input field has besides its type's own: help text, a default (a value, or a formula
 * evaluated when a record is created), and uniqueness, alone or together with other fields (company name +
 * phone), enforced by a unique index over the live records.
 *
 * <p>{@value #VISIBLE_WHEN}: a yes/no formula over the form's other fields; while it is false the field is hidden
 * on the record pages, is not required and a missing value is not refused, and whatever it already holds is kept
 * (hiding never clears a value). {@value #LINKAGE} (数据联动): fills the field from the matching record of another
 * form, see {@link Linkage}.
 */
public final class CommonOptions {

    public static final String HELP = "help";
    public static final String DEFAULT = "default";
    public static final String DEFAULT_FORMULA = "defaultFormula";
    public static final String UNIQUE = "unique";
    public static final String UNIQUE_WITH = "uniqueWith";
    public static final String VISIBLE_WHEN = "visibleWhen";
    public static final String LINKAGE = "linkage";

    public static final List<ConfigOption> ALL = List.of(ConfigOption.text(HELP, null),
            new ConfigOption(DEFAULT, "value", null, false), new ConfigOption(DEFAULT_FORMULA, "formula", null, false),
            new ConfigOption(UNIQUE, "boolean", false, false), new ConfigOption(UNIQUE_WITH, "fields", List.of(), false),
            new ConfigOption(VISIBLE_WHEN, "formula", null, false), new ConfigOption(LINKAGE, "linkage", null, false));

    private CommonOptions() {
    }

    public static boolean unique(FieldDefinition field) {
        return field.config() != null && field.config().path(UNIQUE).asBoolean(false);
    }

    /** The keys of the other fields that are unique together with this one. */
    public static List<String> uniqueWith(FieldDefinition field) {
        List<String> keys = new ArrayList<>();
        JsonNode with = field.config() == null ? null : field.config().get(UNIQUE_WITH);
        if (with != null && with.isArray()) {
            with.forEach(k -> keys.add(k.asText()));
        }
        return keys;
    }

    public static List<FieldProblem> check(FieldType type, FieldDefinition field, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode config = field.config();
        if (config == null) {
            return problems;
        }
        if (config.hasNonNull(HELP) && config.get(HELP).asText().length() > 500) {
            problems.add(new FieldProblem(path + ".config.help", "form.field.help-long", 500));
        }
        if (config.hasNonNull(DEFAULT)) {
            if (type.computed()) {
                problems.add(new FieldProblem(path + ".config.default", "form.value.computed", field.label()));
            } else {
                try {
                    type.parse(field, config.get(DEFAULT));
                } catch (FieldValueException e) {
                    problems.add(new FieldProblem(path + ".config.default", e.code(), e.args()));
                }
            }
        }
        if ((unique(field) || !uniqueWith(field).isEmpty()) && (type.computed() || type.columnType(field).endsWith("[]"))) {
            problems.add(new FieldProblem(path + ".config.unique", "form.field.unique-unsupported"));
        }
        if (config.hasNonNull(LINKAGE)) {
            problems.addAll(type.computed()
                    ? List.of(new FieldProblem(path + ".config.linkage", "form.linkage.computed", field.label()))
                    : Linkage.shapeProblems(field, path + ".config.linkage"));
        }
        return problems;
    }
}
