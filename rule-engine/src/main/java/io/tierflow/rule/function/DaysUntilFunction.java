package io.tierflow.rule.function;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

/** DAYSUNTIL(date): whole days from today until the date (negative once it is past); null → null. */
@ApplicationScoped
public class DaysUntilFunction extends DayCountFunction {

    public DaysUntilFunction() {
        this(Clock.systemDefaultZone());
    }

    public DaysUntilFunction(Clock clock) {
        super("DAYSUNTIL", true, clock,
                "Whole days from today until the date (negative once it has passed), e.g. for contract renewals. A date-time counts by its calendar date. Null gives null.",
                "从今天到该日期的整天数（日期已过时为负数），例如用于合同续约提醒。日期时间按其日历日期计算。空值返回空。",
                "DAYSUNTIL(contractEnd) <= 30");
    }
}
