package io.tierflow.rule.function;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaValues;

/** SUM(a, b, …): sum of the non-null numbers; all null → 0. */
@ApplicationScoped
public class SumFunction extends NumbersFunction {
    public SumFunction() {
        super("SUM", "tf_sum",
                "The sum of the numbers. Null values are ignored (unlike '+'); if all are null the result is 0.",
                "各数字之和。忽略空值（与 “+” 不同）；全部为空时结果为 0。",
                "SUM(q1, q2, q3, q4)");
    }

    @Override
    public Object apply(Object[] a) {
        return fold(a, BigDecimal.ZERO, (s, x) -> s.add(x, FormulaValues.MC));
    }
}
