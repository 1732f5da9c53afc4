package io.tierflow.rule.function;

import java.time.Clock;
import java.util.List;

import io.tierflow.rule.formula.FormulaFunction;
import io.tierflow.rule.formula.FunctionRegistry;

/** The built-in functions, for plain (non-CDI) use and tests. In the application CDI discovers them. */
public final class BuiltinFunctions {
    private BuiltinFunctions() {
    }

    public static List<FormulaFunction> all(Clock clock) {
        return List.of(new IfFunction(), new AndFunction(), new OrFunction(), new NotFunction(),
                new IsBlankFunction(), new IfNullFunction(), new RoundFunction(), new AbsFunction(),
                new MinFunction(), new MaxFunction(), new SumFunction(), new ConcatFunction(), new LenFunction(),
                new UpperFunction(), new LowerFunction(), new TrimFunction(), new ContainsFunction(),
                new TodayFunction(clock), new YearFunction(), new MonthFunction(), new DaysSinceFunction(clock),
                new DateDifFunction(), new BandFunction());
    }

    public static List<FormulaFunction> all() {
        return all(Clock.systemDefaultZone());
    }

    /** The built-ins in a registry whose formulas evaluate with {@code clock} (TODAY() and the time zone). */
    public static FunctionRegistry registry(Clock clock) {
        return new FunctionRegistry(all(clock), clock);
    }

    public static FunctionRegistry registry() {
        return registry(Clock.systemDefaultZone());
    }
}
