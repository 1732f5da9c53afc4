package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** OR(a, b, …): true when any argument is true; null counts as false. */
@ApplicationScoped
public class OrFunction extends AbstractFormulaFunction {
    public OrFunction() {
        super(FunctionGroup.LOGIC, "OR", "OR(condition1, condition2, ...)",
                "True when at least one condition is true (null counts as false).",
                "任一条件为真时返回真（空值视为假）。",
                "OR(tier == \"VIP\", amount > 10000)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, Integer.MAX_VALUE);
        expectAll(t, 0, ValueType.BOOLEAN);
        return ValueType.BOOLEAN;
    }

    @Override
    public Object apply(Object[] a) {
        for (Object o : a) {
            if (truthy(o)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String sql(SqlArgs a) {
        return "(" + truths(a, " OR ") + ")";
    }
}
