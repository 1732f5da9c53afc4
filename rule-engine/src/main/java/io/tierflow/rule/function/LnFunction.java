package io.tierflow.rule.function;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** LN(number): the natural logarithm; null for 0, negative numbers and null. SQL: tf_ln. */
@ApplicationScoped
public class LnFunction extends UnaryFunction<BigDecimal> {
    public LnFunction() {
        super("LN", ValueType.NUMBER, "tf_ln",
                "The natural logarithm (base e) of a number (16 significant digits). Null for 0, a negative number or null.",
                "数字的自然对数（以 e 为底，16 位有效数字）。0、负数或空值返回空。", "LN(1 + amount)");
    }

    @Override
    BigDecimal compute(BigDecimal x) {
        return HighPrecision.approx(HighPrecision.ln(x));
    }
}
