package io.tierflow.form.type;

import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A value computed from other fields by {@code config.formula}. The formula's result type is fixed when the
 * form is saved ({@code config.resultType}) and decides the column type.
 */
@ApplicationScoped
public class FormulaFieldType extends ResultTypedFieldType {

    public static final String FORMULA = "formula";

    @Override
    public String id() {
        return "formula";
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(new ConfigOption(FORMULA, "formula", null, true));
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        String formula = field.configText(FORMULA);
        return formula == null || formula.isBlank()
                ? List.of(new FieldProblem(path + ".config.formula", "form.field.formula-required"))
                : List.of();
    }

    @Override
    public String widget() {
        return "computed";
    }
}
