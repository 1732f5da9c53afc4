package io.tierflow.rule.function;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** ABS(number): absolute value; null → null. */
@ApplicationScoped
public class AbsFunction extends UnaryFunction<BigDecimal> {
    public AbsFunction() {
        super("ABS", ValueType.NUMBER, "abs",
                "The absolute value of a number. Null gives null.",
                "数字的绝对值。空值返回空。", "ABS(balance)");
    }

    @Override
    BigDecimal compute(BigDecimal x) {
        return x.abs();
    }
}
