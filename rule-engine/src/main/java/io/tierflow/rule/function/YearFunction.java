package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** YEAR(date): The year of a date or date-time. Null → null. A date-time counts in the formula's time zone. */
@ApplicationScoped
public class YearFunction extends DatePartFunction {
    public YearFunction() {
        super("YEAR", l -> l.getYear(), "year", "The year of a date or date-time. Null gives null.",
                "日期或日期时间的年份。空值返回空。", "YEAR(signedOn)");
    }
}
