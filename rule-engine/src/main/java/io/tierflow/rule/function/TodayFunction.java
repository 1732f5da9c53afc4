package io.tierflow.rule.function;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaContext;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** TODAY(): the current date in the evaluation context's time zone (FormulaContext; the server's by default). */
@ApplicationScoped
public class TodayFunction extends AbstractFormulaFunction {
    private final Clock clock;

    public TodayFunction() {
        this(Clock.systemDefaultZone());
    }

    public TodayFunction(Clock clock) {
        super(FunctionGroup.DATE, "TODAY", "TODAY()", "Today's date in the formulas' time zone (by default the server's).",
                "公式时区（默认为服务器时区）的今天日期。",
                "TODAY()", "TODAY() - signedOn");
        this.clock = clock;
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 0, 0);
        return ValueType.DATE;
    }

    @Override
    public Object apply(Object[] a) {
        return LocalDate.now(clock);
    }

    @Override
    public Object apply(Object[] a, FormulaContext context) {
        return context.today();
    }

    /** Today's date in the context, as a parameter: one value for the whole statement. */
    @Override
    public String sql(SqlArgs a) {
        return a.param(a.context().today());
    }
}
