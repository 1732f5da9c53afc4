package io.tierflow.rule.function;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** SIGN(number): -1, 0 or 1; null → null. */
@ApplicationScoped
public class SignFunction extends UnaryFunction<BigDecimal> {
    public SignFunction() {
        super("SIGN", ValueType.NUMBER, "sign",
                "1 for a positive number, -1 for a negative one, 0 for zero. Null gives null.",
                "正数返回 1，负数返回 -1，零返回 0。空值返回空。", "SIGN(balance)");
    }

    @Override
    BigDecimal compute(BigDecimal x) {
        return BigDecimal.valueOf(x.signum());
    }
}
