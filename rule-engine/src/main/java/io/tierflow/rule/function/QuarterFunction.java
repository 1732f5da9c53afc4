package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** QUARTER(date): The quarter (1-4) of a date or date-time. Null gives null. */
@ApplicationScoped
public class QuarterFunction extends DatePartFunction {
    public QuarterFunction() {
        super("QUARTER", l -> (l.getMonthValue() + 2) / 3, "quarter",
                "The quarter (1-4) of a date or date-time. Null gives null.",
                "日期或日期时间所在的季度（1-4）。空值返回空。",
                "QUARTER(signedOn)", "\"Q\" + QUARTER(TODAY())");
    }
}
