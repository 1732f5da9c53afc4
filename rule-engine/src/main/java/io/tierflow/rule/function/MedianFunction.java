package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaRuntime;

/** MEDIAN(a, b, …): the middle non-null number; for an even count (x + y) / 2 of the middle two. SQL: tf_median. */
@ApplicationScoped
public class MedianFunction extends NumbersFunction {
    public MedianFunction() {
        super("MEDIAN", "tf_median",
                "The middle number when they are sorted (for an even count, the average of the middle two). Null values are left out; null if all are null.",
                "各数字排序后居中的那个数（个数为偶数时取中间两个数的平均值）。空值不参与计算；全部为空时返回空。",
                "MEDIAN(score1, score2, score3)");
    }

    @Override
    public Object apply(Object[] a) {
        List<BigDecimal> xs = new ArrayList<>();
        for (Object o : a) {
            if (o != null) {
                xs.add(num(o));
            }
        }
        int n = xs.size();
        if (n == 0) {
            return null;
        }
        xs.sort(BigDecimal::compareTo);
        if (n % 2 == 1) {
            return xs.get(n / 2);
        }
        return FormulaRuntime.div(FormulaRuntime.add(xs.get(n / 2 - 1), xs.get(n / 2)), BigDecimal.valueOf(2));
    }
}
