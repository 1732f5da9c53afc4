package io.tierflow.form.api;

import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.FormulaCompiler;
import io.tierflow.rule.formula.FormulaEvaluationException;
import io.tierflow.rule.formula.FormulaException;
import io.tierflow.rule.formula.FormulaScope;
import io.tierflow.rule.tier.CompiledTierModel;
import io.tierflow.rule.tier.TierModel;
import io.tierflow.rule.tier.TierModelCompiler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A formula checked against a form and, for the tier model editor, the scores of a draft tier model: a rule's
 * condition may read a score's key or a dimension's key before that model is saved. The draft's scores are
 * compiled as the tier model compiler does; if they do not compile yet (the builder is still typing one), the
 * formula sees the form's fields only, and the score's own editor shows its problem.
 */
@ApplicationScoped
public class DraftScores {

    /** The checked formula and the score values it may read, in the order they are computed. */
    public record Checked(CompiledFormula formula, List<CompiledTierModel.Derived> derived) {

        /** The links to related records the formula or its scores read. */
        public java.util.Set<io.tierflow.rule.formula.Link> links() {
            java.util.Set<io.tierflow.rule.formula.Link> links = new java.util.LinkedHashSet<>(formula.links());
            derived.forEach(d -> links.addAll(d.formula().links()));
            return links;
        }

        /** The record's plain values with the scores computed on top (a score that cannot be computed is null). */
        public Map<Long, Object> withScores(Map<Long, Object> values, io.tierflow.rule.formula.RelatedValues related) {
            if (derived.isEmpty()) {
                return values;
            }
            Map<Long, Object> all = new HashMap<>(values);
            for (CompiledTierModel.Derived d : derived) {
                Object result;
                try {
                    result = d.formula().evaluate(all, related);
                } catch (FormulaEvaluationException e) {
                    result = null;
                }
                all.put(d.ref().fieldId(), result);
            }
            return all;
        }
    }

    @Inject
    FieldTypes types;

    @Inject
    FormulaCompiler formulas;

    @Inject
    TierModelCompiler tiers;

    @Inject
    io.tierflow.form.schema.FormLinks links;

    /** Errors carry the path {@code formula}, with line and column, as {@code /api/formulas/check} reports them. */
    public Checked check(FormDefinition form, String formula, TierModel draft) {
        if (formula == null || formula.isBlank()) {
            throw Problem.invalid(List.of(new FieldProblem("formula", "form.field.formula-required")));
        }
        List<FieldRef> scope = new ArrayList<>(form.fields().stream()
                .map(f -> new FieldRef(f.key(), f.id(), types.get(f.type()).valueType(f))).toList());
        List<io.tierflow.rule.formula.Link> linked = links.of(form);
        // a tier model's formula may rank (PERCENTRANK): against the draft's percentiles, else the live version's
        Map<String, List<java.math.BigDecimal>> percentiles = new java.util.HashMap<>();
        if (form.tierModel() != null) {
            form.tierModel().ranks().forEach(r -> percentiles.put(r.expression(), r.boundaries()));
        }
        if (draft != null) {
            draft.ranks().forEach(r -> percentiles.put(r.expression(), r.boundaries()));
        }
        io.tierflow.rule.formula.RankSource ranks = draft == null ? null : percentiles::get;
        List<CompiledTierModel.Derived> derived = List.of();
        if (draft != null && !draft.scores().isEmpty()) {
            try {
                CompiledTierModel scores = tiers.compile(new TierModel(draft.scores(), List.of(), List.of(), List.of()),
                        FormulaScope.of(scope).withLinks(linked).withRanks(ranks));
                derived = scores.derived();
                // what a condition may name: the scores' and dimensions' keys (the last value computed under a key)
                java.util.Set<String> names = new java.util.HashSet<>();
                draft.scores().forEach(sc -> {
                    names.add(sc.key());
                    sc.dimensions().forEach(d -> names.add(d.key()));
                });
                Map<String, FieldRef> byKey = new java.util.LinkedHashMap<>();
                scope.forEach(f -> byKey.put(f.key(), f));
                derived.stream().map(CompiledTierModel.Derived::ref).filter(r -> names.contains(r.key())).forEach(r -> byKey.put(r.key(), r));
                scope.clear();
                scope.addAll(byKey.values());
            } catch (FormulaException e) {
                // a score still being typed: the formula is checked against the fields alone
            }
        }
        try {
            return new Checked(formulas.compile(formula, FormulaScope.of(scope).withLinks(linked).withRanks(ranks)), derived);
        } catch (FormulaException e) {
            throw Problem.invalid(List.of(new FieldProblem("formula", "form.formula.invalid",
                    (io.tierflow.core.i18n.LocalizedArgument) e::message)))
                    .with("line", e.line()).with("column", e.column()).with("formulaCode", e.code());
        }
    }
}
