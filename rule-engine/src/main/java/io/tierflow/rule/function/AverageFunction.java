package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaRuntime;
import io.tierflow.rule.formula.FormulaValues;

/** AVERAGE(a, b, …): SUM of the non-null numbers divided by their count; all null → null. SQL: tf_average. */
@ApplicationScoped
public class AverageFunction extends NumbersFunction {
    public AverageFunction() {
        super("AVERAGE", "tf_average",
                "The average of the numbers; null values are left out (they do not count as 0). Null if all are null.",
                "各数字的平均值；空值不参与计算（不按 0 计）。全部为空时返回空。",
                "AVERAGE(q1, q2, q3, q4)", "AVERAGE(valueScore, needScore, behaviourScore)");
    }

    @Override
    public Object apply(Object[] a) {
        BigDecimal sum = fold(a, BigDecimal.ZERO, (s, x) -> s.add(x, FormulaValues.MC));
        long n = Arrays.stream(a).filter(Objects::nonNull).count();
        return sum == null || n == 0 ? null : FormulaRuntime.div(sum, BigDecimal.valueOf(n));
    }
}
