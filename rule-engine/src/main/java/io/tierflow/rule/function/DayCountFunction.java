package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.tierflow.rule.formula.FormulaContext;
import io.tierflow.rule.formula.SqlArgs;

/**
 * Whole days between a date and today, {@code NAME(date)}: from the date until today (DAYSSINCE) or from today
 * until the date (DAYSUNTIL). A date-time counts by its calendar date; null → null. Today is the context's (a bind
 * parameter in SQL), or the clock's when evaluated without one.
 */
abstract class DayCountFunction extends DateToNumberFunction {
    private final Clock clock;
    private final boolean untilDate;

    DayCountFunction(String name, boolean untilDate, Clock clock, String en, String zh, String... examples) {
        super(name, en, zh, examples);
        this.clock = clock;
        this.untilDate = untilDate;
    }

    @Override
    public Object apply(Object[] a) {
        return days(date(a[0]), LocalDate.now(clock));
    }

    @Override
    public Object apply(Object[] a, FormulaContext context) {
        return days(date(a[0]), context.today());
    }

    private BigDecimal days(LocalDate d, LocalDate today) {
        if (d == null) {
            return null;
        }
        return BigDecimal.valueOf(untilDate ? ChronoUnit.DAYS.between(today, d) : ChronoUnit.DAYS.between(d, today));
    }

    @Override
    public String sql(SqlArgs a) {
        // the bind parameters in the order the text holds them
        if (untilDate) {
            String date = a.date(0);
            return "CAST((" + date + " - " + a.param(a.context().today()) + ") AS numeric)";
        }
        String today = a.param(a.context().today());
        return "CAST((" + today + " - " + a.date(0) + ") AS numeric)";
    }
}
