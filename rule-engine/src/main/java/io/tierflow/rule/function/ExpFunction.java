package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** EXP(number): e to the power of the number; null above the range, 0 below it. SQL: tf_exp. */
@ApplicationScoped
public class ExpFunction extends AbstractFormulaFunction {
    public ExpFunction() {
        super(FunctionGroup.MATH, "EXP", "EXP(number)",
                "e (2.718…) raised to the number (16 significant digits). Null when the result is too large, 0 when it is too small; null for null.",
                "e（2.718…）的该数次幂（16 位有效数字）。结果过大时返回空，过小时返回 0；空值返回空。",
                "EXP(-days / 30)", "EXP(LN(amount) * 0.5)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null) {
            return null;
        }
        BigDecimal t = num(a[0]);
        if (t.compareTo(HighPrecision.EXP_LIMIT) > 0) {
            return null;
        }
        if (t.compareTo(HighPrecision.EXP_LIMIT.negate()) < 0) {
            return BigDecimal.ZERO;
        }
        return HighPrecision.approx(HighPrecision.exp(t));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_exp(" + a.get(0, ValueType.NUMBER) + ")";
    }
}
