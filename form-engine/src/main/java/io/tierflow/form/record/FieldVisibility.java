package io.tierflow.form.record;

import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.schema.CompiledForm;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.formula.FormulaEvaluationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which fields a record's values hide (the common option {@code visibleWhen}). Conditions read the values as
 * formulas do, formula fields computed from them first, so a field may depend on a score. A field is shown
 * while its condition is true; false or empty (a comparison with an empty field) hides it. A condition that
 * fails to compute (a value out of range) leaves the field shown, so a broken condition never hides a
 * required field by accident. Hidden fields keep their values and are not required.
 */
@ApplicationScoped
public class FieldVisibility {

    @Inject
    FieldTypes types;

    /** The ids of the fields hidden for these values (by field id; missing ids are empty). */
    public Set<Long> hidden(CompiledForm form, Map<Long, Object> values) {
        Set<Long> hidden = new LinkedHashSet<>();
        if (form.visibility().isEmpty()) {
            return hidden;
        }
        Map<Long, Object> inputs = new HashMap<>();
        for (FieldDefinition f : form.definition().fields()) {
            inputs.put(f.id(), types.get(f.type()).formulaValue(f, values.get(f.id())));
        }
        for (CompiledForm.Computed c : form.formulas()) {
            try {
                inputs.put(c.field().id(), c.formula().evaluate(inputs));
            } catch (FormulaEvaluationException e) {
                inputs.put(c.field().id(), null);
            }
        }
        for (CompiledForm.Computed c : form.visibility()) {
            try {
                if (!Boolean.TRUE.equals(c.formula().evaluate(inputs))) {
                    hidden.add(c.field().id());
                }
            } catch (FormulaEvaluationException e) {
                // shown: see the class comment
            }
        }
        return hidden;
    }

    /** The keys of the fields hidden for these values, in the form's order. */
    public Set<String> hiddenKeys(CompiledForm form, Map<Long, Object> values) {
        Set<Long> ids = hidden(form, values);
        Set<String> keys = new LinkedHashSet<>();
        form.definition().fields().stream().filter(f -> ids.contains(f.id())).forEach(f -> keys.add(f.key()));
        return keys;
    }
}
