package io.tierflow.rule.function;

import java.time.Clock;
import java.util.List;

import io.tierflow.rule.formula.FormulaFunction;
import io.tierflow.rule.formula.FunctionRegistry;
import io.tierflow.rule.formula.RelationAggregate;

/** The built-in functions, for plain (non-CDI) use and tests. In the application CDI discovers them. */
public final class BuiltinFunctions {
    private BuiltinFunctions() {
    }

    public static List<FormulaFunction> all(Clock clock) {
        return List.of(
                // logic
                new IfFunction(), new IfsFunction(), new SwitchFunction(), new AndFunction(), new OrFunction(),
                new NotFunction(), new XorFunction(), new IsBlankFunction(), new IfNullFunction(),
                new CoalesceFunction(), new ChooseFunction(), new CountTrueFunction(), new BetweenFunction(),
                // math
                new RoundFunction(), new RoundUpFunction(), new RoundDownFunction(), new FloorFunction(),
                new CeilingFunction(), new IntFunction(), new AbsFunction(), new SignFunction(), new MinFunction(),
                new MaxFunction(), new SumFunction(), new AverageFunction(), new MedianFunction(),
                new ProductFunction(), new ModFunction(), new QuotientFunction(), new PowerFunction(),
                new SqrtFunction(), new ExpFunction(), new LnFunction(), new Log10Function(), new LogFunction(),
                // text
                new ConcatFunction(), new TextJoinFunction(), new LenFunction(), new UpperFunction(),
                new LowerFunction(), new TrimFunction(), new ContainsFunction(), new StartsWithFunction(),
                new EndsWithFunction(), new FindFunction(), new LeftFunction(), new RightFunction(), new MidFunction(),
                new ReplaceFunction(), new ReptFunction(), new LpadFunction(), new RpadFunction(), new TextFunction(),
                new ValueFunction(),
                // dates
                new TodayFunction(clock), new NowFunction(clock), new DateFunction(), new DateValueFunction(),
                new YearFunction(), new QuarterFunction(), new MonthFunction(), new WeekNumFunction(),
                new DayFunction(), new WeekdayFunction(), new HourFunction(), new MinuteFunction(),
                new SecondFunction(), new DaysSinceFunction(clock), new DaysUntilFunction(clock),
                new DateDifFunction(), new DateAddFunction(), new EoMonthFunction(), new WorkdayFunction(),
                new NetworkDaysFunction(),
                // scoring
                new BandFunction(), new BandScoreFunction(), new NormalizeFunction(), new ClampFunction(),
                new WeightedAvgFunction(),
                // lists
                new InFunction(), new AnyFunction(), new AllFunction());
    }

    /** The aggregates over related records. */
    public static List<RelationAggregate> aggregates() {
        return List.of(new CountAggregate(), new SumAggregate(), new AvgAggregate(), new MinAggregate(),
                new MaxAggregate(), new LatestAggregate());
    }

    public static List<FormulaFunction> all() {
        return all(Clock.systemDefaultZone());
    }

    /** The built-ins in a registry whose formulas evaluate with {@code clock} (TODAY() and the time zone). */
    public static FunctionRegistry registry(Clock clock) {
        return new FunctionRegistry(all(clock), aggregates(), clock);
    }

    public static FunctionRegistry registry() {
        return registry(Clock.systemDefaultZone());
    }
}
