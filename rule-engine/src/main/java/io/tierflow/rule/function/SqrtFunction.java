package io.tierflow.rule.function;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** SQRT(number): the square root, rounded by {@link HighPrecision#approx}; negative or null → null. SQL: tf_sqrt. */
@ApplicationScoped
public class SqrtFunction extends UnaryFunction<BigDecimal> {
    public SqrtFunction() {
        super("SQRT", ValueType.NUMBER, "tf_sqrt",
                "The square root of a number (16 significant digits). Null for a negative number or null.",
                "数字的平方根（16 位有效数字）。负数或空值返回空。", "SQRT(visits)");
    }

    @Override
    BigDecimal compute(BigDecimal x) {
        return HighPrecision.approx(HighPrecision.sqrt(x));
    }
}
