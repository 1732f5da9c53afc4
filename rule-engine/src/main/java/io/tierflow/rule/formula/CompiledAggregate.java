package io.tierflow.rule.formula;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mvel2.MVEL;

/** An aggregate of a compiled formula, computed for one record before the formula itself runs (MVEL back end). */
final class CompiledAggregate {
    private final MvelGenerator.AggregatePlan plan;
    private final Serializable value;
    private final Serializable filter;

    CompiledAggregate(MvelGenerator.AggregatePlan plan, Serializable value, Serializable filter) {
        this.plan = plan;
        this.value = value;
        this.filter = filter;
    }

    String var() {
        return plan.var();
    }

    String linkKey() {
        return plan.linkKey();
    }

    /**
     * The aggregate over {@code items} (oldest first): the condition and the value are evaluated per item with the
     * formula's own variables and the item's fields.
     */
    Object compute(Map<String, Object> formulaVars, List<Map<Long, Object>> items, FormulaContext context) {
        List<Object> values = new ArrayList<>();
        for (Map<Long, Object> item : items) {
            Map<String, Object> vars = new HashMap<>(formulaVars);
            for (FieldRef f : plan.itemFields()) {
                vars.put(MvelGenerator.itemVar(f.fieldId()), CompiledFormula.input(f, item, context));
            }
            if (filter != null && !FormulaRuntime.truthy(MVEL.executeExpression(filter, vars))) {
                continue;
            }
            values.add(value == null ? null : FormulaValues.output(MVEL.executeExpression(value, vars)));
        }
        return plan.aggregate().fold(values);
    }
}
