package io.tierflow.rule.function;

import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;

/** FLOOR(number[, digits]): rounds toward minus infinity. SQL: floor, tf_floor. */
@ApplicationScoped
public class FloorFunction extends DigitsRoundingFunction {
    public FloorFunction() {
        super("FLOOR", RoundingMode.FLOOR, "tf_floor", "floor",
                "Rounds down (toward minus infinity) to the given number of decimal places (default 0, a whole number; negative rounds to tens, hundreds…; limited to -20..20). FLOOR(-2.5) is -3. Null gives null.",
                "向下（负无穷方向）舍入到指定位小数（默认 0 位即取整；负数表示十位、百位……；范围 -20 到 20）。FLOOR(-2.5) 为 -3。空值返回空。",
                "FLOOR(2.7)", "FLOOR(amount, -2)");
    }
}
