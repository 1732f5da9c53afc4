package io.tierflow.rule.function;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** TODAY(): the current date in the server's default time zone (a Clock can be given for tests). */
@ApplicationScoped
public class TodayFunction extends AbstractFormulaFunction {
    private final Clock clock;

    public TodayFunction() {
        this(Clock.systemDefaultZone());
    }

    public TodayFunction(Clock clock) {
        super("TODAY", "TODAY()", "Today's date (server time zone).", "今天的日期（服务器时区）。",
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
}
