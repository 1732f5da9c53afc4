package io.tierflow.rule.function;

import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;

/** CEILING(number[, digits]): rounds toward plus infinity. SQL: ceil, tf_ceiling. */
@ApplicationScoped
public class CeilingFunction extends DigitsRoundingFunction {
    public CeilingFunction() {
        super("CEILING", RoundingMode.CEILING, "tf_ceiling", "ceil",
                "Rounds up (toward plus infinity) to the given number of decimal places (default 0, a whole number; negative rounds to tens, hundreds…; limited to -20..20). CEILING(-2.5) is -2. Null gives null.",
                "向上（正无穷方向）舍入到指定位小数（默认 0 位即取整；负数表示十位、百位……；范围 -20 到 20）。CEILING(-2.5) 为 -2。空值返回空。",
                "CEILING(2.1)", "CEILING(visits / 4)");
    }
}
