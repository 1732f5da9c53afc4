package io.tierflow.rule.function;

import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;

/** ROUNDUP(number[, digits]): rounds away from zero. SQL: tf_roundup. */
@ApplicationScoped
public class RoundUpFunction extends DigitsRoundingFunction {
    public RoundUpFunction() {
        super("ROUNDUP", RoundingMode.UP, "tf_roundup", null,
                "Rounds away from zero to the given number of decimal places (default 0; negative rounds to tens, hundreds…; limited to -20..20). Null gives null.",
                "向远离零的方向舍入到指定位小数（默认 0 位；负数表示十位、百位……；范围 -20 到 20）。空值返回空。",
                "ROUNDUP(3.141, 2)", "ROUNDUP(amount / 1000)");
    }
}
