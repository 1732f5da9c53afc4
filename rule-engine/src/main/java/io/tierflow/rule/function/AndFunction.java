package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** AND(a, b, …): true when every argument is true; null counts as false. */
@ApplicationScoped
public class AndFunction extends AbstractFormulaFunction {
    public AndFunction() {
        super(FunctionGroup.LOGIC, "AND", "AND(condition1, condition2, ...)",
                "True when all conditions are true (null counts as false).",
                "所有条件都为真时返回真（空值视为假）。",
                "AND(score >= 80, visits > 3)");
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
            if (!truthy(o)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String sql(SqlArgs a) {
        return "(" + truths(a, " AND ") + ")";
    }
}
