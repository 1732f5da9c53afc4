package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** HOUR(date): The hour (0-23) of a date-time in the formulas' time zone; 0 for a date. Null gives null. */
@ApplicationScoped
public class HourFunction extends DatePartFunction {
    public HourFunction() {
        super("HOUR", l -> l.getHour(), "hour",
                "The hour (0-23) of a date-time in the formulas' time zone; 0 for a date. Null gives null.",
                "日期时间在公式时区中的小时（0-23）；日期为 0。空值返回空。",
                "HOUR(signedAt)");
    }
}
