package io.tierflow.rule.function;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaContext;
import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * NOW(): the current instant of the evaluation context's clock (to the microsecond), seen in its zone. The SQL back
 * end takes it once, when the SQL is generated, as a parameter (ISO text cast to timestamptz).
 */
@ApplicationScoped
public class NowFunction extends AbstractFormulaFunction {
    private final Clock clock;

    public NowFunction() {
        this(Clock.systemDefaultZone());
    }

    public NowFunction(Clock clock) {
        super(FunctionGroup.DATE, "NOW", "NOW()", "The current date and time, in the formulas' time zone.",
                "当前日期和时间（公式时区）。", "NOW()", "(NOW() - signedAt) * 24");
        this.clock = clock;
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 0, 0);
        return ValueType.DATETIME;
    }

    @Override
    public Object apply(Object[] a) {
        return now(clock);
    }

    @Override
    public Object apply(Object[] a, FormulaContext context) {
        return now(context.clock());
    }

    private static OffsetDateTime now(Clock clock) {
        return FormulaValues.checkDateTime(clock.instant(), clock.getZone());
    }

    @Override
    public String sql(SqlArgs a) {
        OffsetDateTime now = now(a.context().clock());
        return "CAST(" + a.param(now.toInstant().toString()) + " AS timestamptz)";
    }
}
