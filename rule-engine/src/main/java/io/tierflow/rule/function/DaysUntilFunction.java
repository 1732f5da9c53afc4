package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaContext;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** DAYSUNTIL(date): whole days from today until the date (negative once it is past); null → null. */
@ApplicationScoped
public class DaysUntilFunction extends AbstractFormulaFunction {
    private final Clock clock;

    public DaysUntilFunction() {
        this(Clock.systemDefaultZone());
    }

    public DaysUntilFunction(Clock clock) {
        super(FunctionGroup.DATE, "DAYSUNTIL", "DAYSUNTIL(date)",
                "Whole days from today until the date (negative once it has passed), e.g. for contract renewals. A date-time counts by its calendar date. Null gives null.",
                "从今天到该日期的整天数（日期已过时为负数），例如用于合同续约提醒。日期时间按其日历日期计算。空值返回空。",
                "DAYSUNTIL(contractEnd) <= 30");
        this.clock = clock;
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.DATE, ValueType.DATETIME);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        return days(date(a[0]), LocalDate.now(clock));
    }

    @Override
    public Object apply(Object[] a, FormulaContext context) {
        return days(date(a[0]), context.today());
    }

    private static BigDecimal days(LocalDate d, LocalDate today) {
        return d == null ? null : BigDecimal.valueOf(ChronoUnit.DAYS.between(today, d));
    }

    @Override
    public String sql(SqlArgs a) {
        return "CAST((" + a.date(0) + " - " + a.param(a.context().today()) + ") AS numeric)";
    }
}
