package io.tierflow.rule.tier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.FormulaContext;
import io.tierflow.rule.formula.SqlExpression;

/** A compiled tier model; immutable and thread-safe. */
public final class CompiledTierModel {
    private final List<TierRule> rules;
    private final List<CompiledFormula> conditions;
    private final Set<Long> fieldIds;

    CompiledTierModel(List<TierRule> rules, List<CompiledFormula> conditions) {
        this.rules = List.copyOf(rules);
        this.conditions = List.copyOf(conditions);
        Set<Long> ids = new LinkedHashSet<>();
        conditions.forEach(c -> ids.addAll(c.fieldIds()));
        this.fieldIds = Collections.unmodifiableSet(ids);
    }

    /** Ids of all fields any condition reads. */
    public Set<Long> fieldIds() {
        return fieldIds;
    }

    public List<TierRule> rules() {
        return rules;
    }

    /**
     * The tier of a row as one PostgreSQL expression (text; NULL when no rule holds), for set-based re-tiering and
     * simulation: what {@link #evaluate} decides for that row's values. Conditions are translated as
     * {@link CompiledFormula#sql(Function, FormulaContext)} does; tier names are parameters. JDBC placeholders.
     */
    public SqlExpression sql(Function<FieldRef, String> column, FormulaContext context) {
        List<SqlExpression> sql = new ArrayList<>(conditions.size());
        List<String> tiers = new ArrayList<>(conditions.size());
        for (int i = 0; i < conditions.size(); i++) {
            sql.add(conditions.get(i).sql(column, context));
            tiers.add(rules.get(i).tier());
        }
        return SqlExpression.firstMatch(sql, tiers);
    }

    /** As {@link #sql(Function, FormulaContext)} in the compiler's context (its registry's clock). */
    public SqlExpression sql(Function<FieldRef, String> column) {
        return sql(column, conditions.isEmpty() ? FormulaContext.system() : conditions.get(0).context());
    }

    /** Checks the rules in order; the first true condition decides. A null result counts as false. */
    public TierDecision evaluate(Map<Long, Object> values) {
        List<Map<String, Object>> explanation = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            CompiledFormula c = conditions.get(i);
            boolean result = Boolean.TRUE.equals(c.evaluate(values));
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("ruleIndex", i);
            step.put("tier", rules.get(i).tier());
            step.put("condition", rules.get(i).condition());
            step.put("result", result);
            step.put("values", Collections.unmodifiableMap(c.inputs(values)));
            explanation.add(Collections.unmodifiableMap(step));
            if (result) {
                return new TierDecision(rules.get(i).tier(), i, List.copyOf(explanation));
            }
        }
        return new TierDecision(null, -1, List.copyOf(explanation));
    }
}
