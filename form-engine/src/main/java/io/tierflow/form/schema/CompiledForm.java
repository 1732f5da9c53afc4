package io.tierflow.form.schema;

import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.tier.CompiledTierModel;
import java.util.List;

/**
 * A form ready for the write pipeline: its formula fields compiled and ordered so that each runs after the
 * fields it reads, and its tier model compiled. Immutable; cached per form revision. {@code visibility} holds
 * each conditionally shown field with its compiled {@code visibleWhen} (a yes/no formula).
 */
public record CompiledForm(FormDefinition definition, List<Computed> formulas, CompiledTierModel tierModel,
        List<Computed> defaults, List<Trigger> triggers, List<Computed> visibility) {

    public CompiledForm(FormDefinition definition, List<Computed> formulas, CompiledTierModel tierModel,
            List<Computed> defaults, List<Trigger> triggers) {
        this(definition, formulas, tierModel, defaults, triggers, List.of());
    }

    /** The links to related records any of the form's formulas reads through; empty for most forms. */
    public java.util.Set<io.tierflow.rule.formula.Link> links() {
        java.util.Set<io.tierflow.rule.formula.Link> links = new java.util.LinkedHashSet<>(tierModel.links());
        for (List<Computed> list : List.of(formulas, defaults, visibility)) {
            list.forEach(c -> links.addAll(c.formula().links()));
        }
        triggers.stream().filter(t -> t.condition() != null).forEach(t -> links.addAll(t.condition().links()));
        return links;
    }

    /** A trigger rule with its condition compiled (null: always). */
    public record Trigger(io.tierflow.form.trigger.TriggerRule rule, CompiledFormula condition) {
    }

    public record Computed(FieldDefinition field, CompiledFormula formula) {
    }
}
