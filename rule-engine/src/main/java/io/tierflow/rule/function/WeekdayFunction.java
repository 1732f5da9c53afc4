package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** WEEKDAY(date): The day of the week of a date or date-time, 1 for Monday to 7 for Sunday (ISO 8601). Null gives null. */
@ApplicationScoped
public class WeekdayFunction extends DatePartFunction {
    public WeekdayFunction() {
        super("WEEKDAY", l -> l.getDayOfWeek().getValue(), "isodow",
                "The day of the week of a date or date-time, 1 for Monday to 7 for Sunday (ISO 8601). Null gives null.",
                "日期或日期时间是星期几：星期一为 1，星期日为 7（ISO 8601）。空值返回空。",
                "WEEKDAY(TODAY()) >= 6");
    }
}
