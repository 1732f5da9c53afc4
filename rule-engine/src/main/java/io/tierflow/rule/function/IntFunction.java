package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** INT(number): the largest whole number not above the number (INT(-2.5) = -3); null → null. */
@ApplicationScoped
public class IntFunction extends UnaryFunction<BigDecimal> {
    public IntFunction() {
        super("INT", ValueType.NUMBER, "floor",
                "The number rounded down to a whole number: INT(2.7) is 2, INT(-2.5) is -3. Null gives null.",
                "向下取整：INT(2.7) 为 2，INT(-2.5) 为 -3。空值返回空。", "INT(amount / 1000)");
    }

    @Override
    BigDecimal compute(BigDecimal x) {
        return x.setScale(0, RoundingMode.FLOOR);
    }
}
