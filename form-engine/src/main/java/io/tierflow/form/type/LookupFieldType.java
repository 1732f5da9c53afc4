package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * A field of the linked record ({@code config.relation}: a many-to-one relation field of this form,
 * {@code config.field}: a field of the target form), kept in its own column so lists, filters and formulas
 * read it like any other value; it is refreshed whenever either side changes.
 */
@ApplicationScoped
public class LookupFieldType extends ResultTypedFieldType {

    public static final String RELATION = "relation";
    public static final String FIELD = "field";

    @Override
    public String id() {
        return "lookup";
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(new ConfigOption(RELATION, "relation-field", null, true), new ConfigOption(FIELD, "target-field", null, true));
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : List.of(RELATION, FIELD)) {
            if (field.configText(name) == null || field.configText(name).isBlank()) {
                problems.add(new FieldProblem(path + ".config." + name, "form.lookup.required"));
            }
        }
        return problems;
    }

    @Override
    public String widget() {
        return "computed";
    }
}
