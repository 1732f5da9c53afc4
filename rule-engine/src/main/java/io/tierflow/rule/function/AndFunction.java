package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.SqlArgs;

/** AND(a, b, …): true when every argument is true; null counts as false. */
@ApplicationScoped
public class AndFunction extends ConditionsFunction {
    public AndFunction() {
        super("AND",
                "True when all conditions are true (null counts as false).",
                "所有条件都为真时返回真（空值视为假）。",
                "AND(score >= 80, visits > 3)");
    }

    @Override
    public Object apply(Object[] a) {
        return !anyIs(a, false);
    }

    @Override
    public String sql(SqlArgs a) {
        return "(" + truths(a, " AND ") + ")";
    }
}
