package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.SqlArgs;

/** OR(a, b, …): true when any argument is true; null counts as false. */
@ApplicationScoped
public class OrFunction extends ConditionsFunction {
    public OrFunction() {
        super("OR",
                "True when at least one condition is true (null counts as false).",
                "任一条件为真时返回真（空值视为假）。",
                "OR(tier == \"VIP\", amount > 10000)");
    }

    @Override
    public Object apply(Object[] a) {
        return anyIs(a, true);
    }

    @Override
    public String sql(SqlArgs a) {
        return "(" + truths(a, " OR ") + ")";
    }
}
