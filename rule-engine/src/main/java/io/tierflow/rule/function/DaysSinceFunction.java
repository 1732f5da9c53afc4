package io.tierflow.rule.function;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

/** DAYSSINCE(date): whole days from the date to today (negative for future dates); null → null. */
@ApplicationScoped
public class DaysSinceFunction extends DayCountFunction {

    public DaysSinceFunction() {
        this(Clock.systemDefaultZone());
    }

    public DaysSinceFunction(Clock clock) {
        super("DAYSSINCE", false, clock,
                "Whole days from the date until today (negative for a future date). A date-time counts by its calendar date. Null gives null.",
                "从该日期到今天的整天数（未来日期为负数）。日期时间按其日历日期计算。空值返回空。",
                "DAYSSINCE(lastFollowUp) > 30 ? \"流失预警\" : \"正常\"");
    }
}
