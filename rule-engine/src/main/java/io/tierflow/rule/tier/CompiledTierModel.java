package io.tierflow.rule.tier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierflow.rule.formula.CompiledFormula;

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
