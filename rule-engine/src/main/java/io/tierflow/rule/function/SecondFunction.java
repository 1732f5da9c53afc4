package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** SECOND(date): The whole second (0-59) of a date-time; 0 for a date. Null gives null. */
@ApplicationScoped
public class SecondFunction extends DatePartFunction {
    public SecondFunction() {
        super("SECOND", l -> l.getSecond(), "second",
                "The whole second (0-59) of a date-time; 0 for a date. Null gives null.",
                "日期时间的秒数（0-59，取整）；日期为 0。空值返回空。",
                "SECOND(signedAt)");
    }
}
