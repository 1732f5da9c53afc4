package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** MINUTE(date): The minute (0-59) of a date-time in the formulas' time zone; 0 for a date. Null gives null. */
@ApplicationScoped
public class MinuteFunction extends DatePartFunction {
    public MinuteFunction() {
        super("MINUTE", l -> l.getMinute(), "minute",
                "The minute (0-59) of a date-time in the formulas' time zone; 0 for a date. Null gives null.",
                "日期时间在公式时区中的分钟（0-59）；日期为 0。空值返回空。",
                "MINUTE(signedAt)");
    }
}
