package io.tierflow.rule.function;

import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;

/** ROUNDDOWN(number[, digits]): rounds toward zero (truncates). SQL: trunc. */
@ApplicationScoped
public class RoundDownFunction extends DigitsRoundingFunction {
    public RoundDownFunction() {
        super("ROUNDDOWN", RoundingMode.DOWN, "tf_rounddown", "trunc",
                "Rounds toward zero, i.e. cuts off digits, keeping the given number of decimal places (default 0; negative cuts to tens, hundreds…; limited to -20..20). Null gives null.",
                "向零方向舍入（即截断），保留指定位小数（默认 0 位；负数表示截断到十位、百位……；范围 -20 到 20）。空值返回空。",
                "ROUNDDOWN(3.789, 1)", "ROUNDDOWN(amount, -3)");
    }
}
