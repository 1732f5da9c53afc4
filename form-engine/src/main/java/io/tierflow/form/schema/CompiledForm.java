package io.tierflow.form.schema;

import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.tier.CompiledTierModel;
import java.util.List;

/**
 * A form ready for the write pipeline: its formula fields compiled and ordered so that each runs after the
 * fields it reads, and its tier model compiled. Immutable; cached per form revision.
 */
public record CompiledForm(FormDefinition definition, List<Computed> formulas, CompiledTierModel tierModel,
        List<Computed> defaults, List<Trigger> triggers) {

    /** A trigger rule with its condition compiled (null: always). */
    public record Trigger(io.tierflow.form.trigger.TriggerRule rule, CompiledFormula condition) {
    }

    public record Computed(FieldDefinition field, CompiledFormula formula) {
    }
}
