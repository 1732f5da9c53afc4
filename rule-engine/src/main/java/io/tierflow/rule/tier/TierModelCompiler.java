package io.tierflow.rule.tier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.formula.FormulaCompiler;
import io.tierflow.rule.formula.FormulaException;
import io.tierflow.rule.formula.FormulaScope;
import io.tierflow.rule.formula.ValueType;

/**
 * Compiles a {@link TierModel}. Every condition must type to BOOLEAN. Errors are {@link FormulaException}s whose
 * {@link FormulaException#ruleIndex()} names the failing rule (0-based) and whose message names it too.
 */
@ApplicationScoped
public class TierModelCompiler {
    public static final int MAX_RULES = 200;

    private final FormulaCompiler compiler;

    @Inject
    public TierModelCompiler(FormulaCompiler compiler) {
        this.compiler = Objects.requireNonNull(compiler);
    }

    public CompiledTierModel compile(TierModel model, FormulaScope scope) {
        List<TierRule> rules = model.rules();
        if (rules.size() > MAX_RULES) {
            throw new FormulaException("formula.tier.too-many-rules", 0, 0, rules.size(), MAX_RULES);
        }
        List<CompiledFormula> conditions = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            TierRule r = rules.get(i);
            if (r == null || r.tier() == null || r.tier().isBlank()) {
                throw new FormulaException("formula.tier.blank-tier", 0, 0, i + 1).withRule(i, "");
            }
            if (r.condition() == null || r.condition().isBlank()) {
                throw new FormulaException("formula.tier.no-condition", 1, 1).withRule(i, r.tier());
            }
            CompiledFormula f;
            try {
                f = compiler.compile(r.condition(), scope);
            } catch (FormulaException e) {
                throw e.withRule(i, r.tier());
            }
            if (f.type() != ValueType.BOOLEAN) {
                throw new FormulaException("formula.tier.not-boolean", 1, 1, f.type()).withRule(i, r.tier());
            }
            conditions.add(f);
        }
        return new CompiledTierModel(rules, conditions);
    }
}
