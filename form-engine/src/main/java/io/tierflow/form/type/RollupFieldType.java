package io.tierflow.form.type;

import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate over the records of another form that link here ({@code config.form} and its relation field
 * {@code config.relation}): count, sum, avg, min, max or latest of {@code config.field} (which may be a formula),
 * over the rows matching an optional {@code config.filter}. Recomputed in the same transaction whenever a
 * linked record is created, changed, moved to another parent, deleted or restored.
 */
@ApplicationScoped
public class RollupFieldType extends ResultTypedFieldType {

    public static final String FORM = "form";
    public static final String RELATION = "relation";
    public static final String FUNCTION = "function";
    public static final String FIELD = "field";
    public static final String FILTER = "filter";
    public static final List<String> FUNCTIONS = List.of("count", "sum", "avg", "min", "max", "latest");

    @Override
    public String id() {
        return "rollup";
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(new ConfigOption(FORM, "form", null, true), new ConfigOption(RELATION, "child-relation-field", null, true),
                new ConfigOption(FUNCTION, "choice:" + String.join("|", FUNCTIONS), "count", true),
                new ConfigOption(FIELD, "child-field", null, false), new ConfigOption(FILTER, "filter", null, false));
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : List.of(FORM, RELATION)) {
            if (field.configText(name) == null || field.configText(name).isBlank()) {
                problems.add(new FieldProblem(path + ".config." + name, "form.rollup.required"));
            }
        }
        String function = field.configText(FUNCTION) == null ? "count" : field.configText(FUNCTION);
        if (!FUNCTIONS.contains(function)) {
            problems.add(new FieldProblem(path + ".config.function", "form.rollup.function", String.join(", ", FUNCTIONS)));
        } else if (!function.equals("count") && (field.configText(FIELD) == null || field.configText(FIELD).isBlank())) {
            problems.add(new FieldProblem(path + ".config.field", "form.rollup.field-required", function));
        }
        return problems;
    }

    public static String function(FieldDefinition field) {
        return field.configText(FUNCTION) == null ? "count" : field.configText(FUNCTION);
    }

    @Override
    public String widget() {
        return "computed";
    }
}
