package io.tierflow.form.schema;

import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.formula.Link;
import io.tierflow.rule.tier.CompiledTierModel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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
    public Set<Link> links() {
        Set<Link> links = new LinkedHashSet<>(computedLinks());
        links.addAll(linksOf(defaults.stream().map(Computed::formula)));
        links.addAll(triggerLinks());
        return links;
    }

    /** What a write computes reads of related records: the formula fields and the tier model. */
    public Set<Link> computedLinks() {
        Set<Link> links = new LinkedHashSet<>(tierModel.links());
        links.addAll(linksOf(formulas.stream().map(Computed::formula)));
        return links;
    }

    /** What the default-value formulas read of related records. */
    public Set<Link> defaultLinks() {
        return linksOf(defaults.stream().map(Computed::formula));
    }

    /** What the trigger conditions read of related records. */
    public Set<Link> triggerLinks() {
        return linksOf(triggers.stream().map(Trigger::condition).filter(java.util.Objects::nonNull));
    }

    private static Set<Link> linksOf(Stream<CompiledFormula> formulas) {
        Set<Link> links = new LinkedHashSet<>();
        formulas.forEach(f -> links.addAll(f.links()));
        return links;
    }

    /** A trigger rule with its condition compiled (null: always). */
    public record Trigger(io.tierflow.form.trigger.TriggerRule rule, CompiledFormula condition) {
    }

    public record Computed(FieldDefinition field, CompiledFormula formula) {
    }
}
