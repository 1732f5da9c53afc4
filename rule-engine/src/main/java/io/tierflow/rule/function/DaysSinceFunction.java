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

/** DAYSSINCE(date): whole days from the date to today (negative for future dates); null → null. */
@ApplicationScoped
public class DaysSinceFunction extends AbstractFormulaFunction {
    private final Clock clock;

    public DaysSinceFunction() {
        this(Clock.systemDefaultZone());
    }

    public DaysSinceFunction(Clock clock) {
        super(FunctionGroup.DATE, "DAYSSINCE", "DAYSSINCE(date)",
                "Whole days from the date until today (negative for a future date). A date-time counts by its calendar date. Null gives null.",
                "从该日期到今天的整天数（未来日期为负数）。日期时间按其日历日期计算。空值返回空。",
                "DAYSSINCE(lastFollowUp) > 30 ? \"流失预警\" : \"正常\"");
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
        LocalDate d = date(a[0]);
        return d == null ? null : BigDecimal.valueOf(ChronoUnit.DAYS.between(d, LocalDate.now(clock)));
    }

    @Override
    public Object apply(Object[] a, FormulaContext context) {
        LocalDate d = date(a[0]);
        return d == null ? null : BigDecimal.valueOf(ChronoUnit.DAYS.between(d, context.today()));
    }

    @Override
    public String sql(SqlArgs a) {
        return "CAST((" + a.param(a.context().today()) + " - " + a.date(0) + ") AS numeric)";
    }
}
