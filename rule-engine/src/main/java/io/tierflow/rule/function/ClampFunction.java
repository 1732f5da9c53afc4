package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** CLAMP(value, low, high): the value kept within low..high; a null bound is no bound; low &gt; high → null. */
@ApplicationScoped
public class ClampFunction extends AbstractFormulaFunction {
    public ClampFunction() {
        super(FunctionGroup.SCORING, "CLAMP", "CLAMP(value, low, high)",
                "The value kept within low..high: below low gives low, above high gives high. A null bound means no limit on that side. Null when the value is null or low is above high.",
                "把值限制在 low..high 之间：小于 low 取 low，大于 high 取 high。某一界限为空表示该侧不限。值为空或 low 大于 high 时返回空。",
                "CLAMP(score, 0, 100)", "CLAMP(amount / 1000, null, 50)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 3, 3);
        expectAll(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        BigDecimal v = num(a[0]);
        BigDecimal lo = num(a[1]);
        BigDecimal hi = num(a[2]);
        if (v == null || lo != null && hi != null && lo.compareTo(hi) > 0) {
            return null;
        }
        if (lo != null && v.compareTo(lo) < 0) {
            return lo;
        }
        return hi != null && v.compareTo(hi) > 0 ? hi : v;
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_clamp(" + a.list(ValueType.NUMBER) + ")";
    }
}
