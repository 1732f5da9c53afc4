package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaRuntime;
import io.tierflow.rule.formula.FunctionArgumentException;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * NORMALIZE(value, min, max[, low, high]): t = (value - min) / (max - min) cut to 0..1, each step rounded as the
 * operators round; with low and high, low + t × (high - low). max &lt; min reverses the scale (lower is better). Null
 * when any argument is null or max = min. SQL: tf_normalize.
 */
@ApplicationScoped
public class NormalizeFunction extends AbstractFormulaFunction {
    public NormalizeFunction() {
        super(FunctionGroup.SCORING, "NORMALIZE", "NORMALIZE(value, min, max, low, high)",
                "Scales the value from min..max to 0..1, cutting off values outside (min gives 0, max gives 1), or to low..high if given, e.g. to 0..100 points. If max is below min the scale is reversed (lower is better, as for days since the last order). Null when any value is null or min equals max.",
                "把值从 min..max 线性换算到 0..1，超出部分截断（等于 min 得 0，等于 max 得 1）；给出 low、high 时换算到 low..high，如 0..100 分。max 小于 min 时方向相反（越小越好，如距上次下单的天数）。有空值或 min 等于 max 时返回空。",
                "NORMALIZE(amount, 0, 100000, 0, 100)", "NORMALIZE(DAYSSINCE(lastFollowUp), 90, 0)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        if (t.size() != 3 && t.size() != 5) {
            throw new FunctionArgumentException(-1, "expects 3 or 5 arguments but got " + t.size() + ".",
                    "需要 3 个或 5 个参数，实际为 " + t.size() + " 个。");
        }
        expectAll(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        BigDecimal t = FormulaRuntime.div(FormulaRuntime.sub(a[0], a[1]), FormulaRuntime.sub(a[2], a[1]));
        if (t == null) {
            return null;
        }
        t = t.signum() < 0 ? BigDecimal.ZERO : t.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : t;
        if (a.length == 3) {
            return t;
        }
        return FormulaRuntime.add(a[3], FormulaRuntime.mul(t, FormulaRuntime.sub(a[4], a[3])));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_normalize(" + a.list(ValueType.NUMBER) + ")";
    }
}
