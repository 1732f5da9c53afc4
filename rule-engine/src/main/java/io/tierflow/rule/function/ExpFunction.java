package io.tierflow.rule.function;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** EXP(number): e to the power of the number; null above the range, 0 below it. SQL: tf_exp. */
@ApplicationScoped
public class ExpFunction extends UnaryFunction<BigDecimal> {
    public ExpFunction() {
        super("EXP", ValueType.NUMBER, "tf_exp",
                "e (2.718…) raised to the number (16 significant digits). Null when the result is too large, 0 when it is too small; null for null.",
                "e（2.718…）的该数次幂（16 位有效数字）。结果过大时返回空，过小时返回 0；空值返回空。",
                "EXP(-days / 30)", "EXP(LN(amount) * 0.5)");
    }

    @Override
    BigDecimal compute(BigDecimal t) {
        if (t.compareTo(HighPrecision.EXP_LIMIT) > 0) {
            return null;
        }
        if (t.compareTo(HighPrecision.EXP_LIMIT.negate()) < 0) {
            return BigDecimal.ZERO;
        }
        return HighPrecision.approx(HighPrecision.exp(t));
    }
}
