package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** DAY(date): The day of the month (1-31) of a date or date-time. Null gives null. */
@ApplicationScoped
public class DayFunction extends DatePartFunction {
    public DayFunction() {
        super("DAY", l -> l.getDayOfMonth(), "day",
                "The day of the month (1-31) of a date or date-time. Null gives null.",
                "日期或日期时间是当月的第几天（1-31）。空值返回空。",
                "DAY(signedOn)");
    }
}
