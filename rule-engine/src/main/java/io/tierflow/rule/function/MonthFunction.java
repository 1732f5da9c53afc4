package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** MONTH(date): The month (1-12) of a date or date-time. Null → null. A date-time counts in the formula's time zone. */
@ApplicationScoped
public class MonthFunction extends DatePartFunction {
    public MonthFunction() {
        super("MONTH", l -> l.getMonthValue(), "month", "The month (1-12) of a date or date-time. Null gives null.",
                "日期或日期时间的月份（1-12）。空值返回空。", "MONTH(signedOn)");
    }
}
