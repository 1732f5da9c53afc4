package io.tierflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.FormulaCompiler;
import io.tierflow.rule.formula.FormulaScope;
import io.tierflow.rule.formula.ValueType;
import io.tierflow.rule.function.BuiltinFunctions;
import io.tierflow.rule.tier.CompiledTierModel;
import io.tierflow.rule.tier.ScoreDimension;
import io.tierflow.rule.tier.ScoreModel;
import io.tierflow.rule.tier.TierDecision;
import io.tierflow.rule.tier.TierModel;
import io.tierflow.rule.tier.TierModelCompiler;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-record evaluation of the demo template's tier model, read from {@code ui/src/main/resources/demo/
 * customer-scoring.json}: a weighted score over the seeds' four dimensions (two banded), RFM by quintiles, three
 * tier rules, five lifecycle stages and two tags, through the generated MVEL (what every record write does).
 * Baseline: a hand-written Java lambda computing the same tier, stage and tags; setup checks both agree on every
 * record. The quintile boundaries are computed over the generated records, as a publish computes them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TierModelBenchmark {

    static final long REVENUE = 1, NEEDS = 2, TOTAL = 3, COUNT = 4, LAST_ORDER = 5, LAST_FOLLOW_UP = 6;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    CompiledTierModel model;
    Function<Map<Long, Object>, Object[]> lambda;
    List<Map<Long, Object>> records;
    int next;

    @Setup
    public void compile() throws IOException {
        FormulaCompiler compiler = new FormulaCompiler(BuiltinFunctions.registry(
                Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.ofHours(8))));
        FormulaScope scope = FormulaScope.of(List.of(new FieldRef("annual_revenue", REVENUE, ValueType.NUMBER),
                new FieldRef("needs", NEEDS, ValueType.TEXT), new FieldRef("order_total", TOTAL, ValueType.NUMBER),
                new FieldRef("order_count", COUNT, ValueType.NUMBER), new FieldRef("last_order", LAST_ORDER, ValueType.DATE),
                new FieldRef("last_follow_up", LAST_FOLLOW_UP, ValueType.DATE)));
        Random random = new Random(42);
        String[] needs = {"high", "medium", "low", null};
        records = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            Map<Long, Object> r = new HashMap<>();
            int orders = random.nextInt(8);
            r.put(REVENUE, random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextInt(800)));
            r.put(NEEDS, needs[random.nextInt(needs.length)]);
            r.put(COUNT, BigDecimal.valueOf(orders));
            r.put(TOTAL, BigDecimal.valueOf(orders * (long) random.nextInt(150_000)));
            r.put(LAST_ORDER, orders == 0 ? null : TODAY.minusDays(random.nextInt(365)));
            r.put(LAST_FOLLOW_UP, random.nextInt(8) == 0 ? null : TODAY.minusDays(random.nextInt(120)));
            records.add(r);
        }
        JsonNode json = new ObjectMapper().readTree(Files.readString(Path.of("ui/src/main/resources/demo/customer-scoring.json")));
        TierModel template = new ObjectMapper().treeToValue(json.get("tierModel"), TierModel.class);
        TierModel withQuintiles = withBoundaries(template);
        model = new TierModelCompiler(compiler).compile(withQuintiles, scope);
        List<List<BigDecimal>> bounds = withQuintiles.scores().get(1).dimensions().stream().map(ScoreDimension::boundaries).toList();
        lambda = r -> handWritten(r, bounds.get(0), bounds.get(1), bounds.get(2));
        for (Map<Long, Object> r : records) {
            TierDecision d = model.evaluate(r);
            Object[] h = lambda.apply(r);
            if (!Objects.equals(d.tier(), h[0]) || !Objects.equals(d.stage(), h[1]) || !Objects.equals(d.tags(), h[2])) {
                throw new IllegalStateException("the baseline disagrees on " + r + ": " + d + " vs " + List.of(h));
            }
        }
    }

    /** The quintile boundaries a publish computes (percentile_disc 20/40/60/80 %) over the generated records. */
    private TierModel withBoundaries(TierModel t) {
        List<Function<Map<Long, Object>, BigDecimal>> values = List.of(
                r -> r.get(LAST_ORDER) == null ? BigDecimal.valueOf(9999) : days((LocalDate) r.get(LAST_ORDER)),
                r -> (BigDecimal) r.get(COUNT), r -> (BigDecimal) r.get(TOTAL));
        ScoreModel rfm = t.scores().get(1);
        List<ScoreDimension> dims = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<BigDecimal> sorted = records.stream().map(values.get(i)).sorted(Comparator.naturalOrder()).toList();
            List<BigDecimal> b = new ArrayList<>();
            for (double p : new double[] {0.2, 0.4, 0.6, 0.8}) {
                b.add(sorted.get((int) Math.ceil(p * sorted.size()) - 1));
            }
            dims.add(rfm.dimensions().get(i).withBoundaries(b, sorted.size()));
        }
        return new TierModel(List.of(t.scores().get(0), new ScoreModel(rfm.key(), rfm.label(), rfm.kind(), dims)), t.rules(),
                t.stages(), t.tags());
    }

    private Map<Long, Object> nextRecord() {
        next = (next + 1) & 1023;
        return records.get(next);
    }

    @Benchmark
    public void generatedMvel(Blackhole bh) {
        TierDecision d = model.evaluate(nextRecord());
        bh.consume(d.tier());
        bh.consume(d.stage());
        bh.consume(d.tags());
    }

    /** The baseline: the same tier, stage and tags, written by hand in Java. */
    @Benchmark
    public void handWrittenJava(Blackhole bh) {
        bh.consume(lambda.apply(nextRecord()));
    }

    static BigDecimal days(LocalDate d) {
        return BigDecimal.valueOf(ChronoUnit.DAYS.between(d, TODAY));
    }

    static int band(BigDecimal x, long[] thresholds, int[] scores) {
        int i = 0;
        while (i < thresholds.length && x.compareTo(BigDecimal.valueOf(thresholds[i])) >= 0) {
            i++;
        }
        return scores[i];
    }

    static int quintile(BigDecimal x, List<BigDecimal> bounds, boolean high) {
        int atOrBelow = (int) bounds.stream().filter(b -> b.compareTo(x) <= 0).count();
        return high ? 1 + atOrBelow : 5 - atOrBelow;
    }

    static Object[] handWritten(Map<Long, Object> r, List<BigDecimal> rb, List<BigDecimal> fb, List<BigDecimal> mb) {
        BigDecimal total = r.get(TOTAL) == null ? BigDecimal.ZERO : (BigDecimal) r.get(TOTAL);
        BigDecimal count = (BigDecimal) r.get(COUNT);
        LocalDate lastOrder = (LocalDate) r.get(LAST_ORDER);
        LocalDate lastFollowUp = (LocalDate) r.get(LAST_FOLLOW_UP);
        int value = band(total, new long[] {1, 50_000, 200_000, 400_000}, new int[] {0, 20, 50, 80, 100});
        Object n = r.get(NEEDS);
        int needs = "high".equals(n) ? 100 : "medium".equals(n) ? 60 : "low".equals(n) ? 20 : 0;
        int behaviour = band(lastFollowUp == null ? BigDecimal.valueOf(9999) : days(lastFollowUp), new long[] {8, 31, 91},
                new int[] {100, 70, 30, 0});
        BigDecimal revenue = r.get(REVENUE) == null ? BigDecimal.ZERO : (BigDecimal) r.get(REVENUE);
        BigDecimal potential = BigDecimal.valueOf(100).min(revenue.divide(BigDecimal.valueOf(5)));
        BigDecimal score = BigDecimal.valueOf(value * 40L + needs * 20L + behaviour * 25L).add(potential.multiply(BigDecimal.valueOf(15)))
                .divide(BigDecimal.valueOf(100)).setScale(4, RoundingMode.HALF_UP);
        int rfm = quintile(lastOrder == null ? BigDecimal.valueOf(9999) : days(lastOrder), rb, false)
                + quintile(count, fb, true) + quintile(total, mb, true);
        String tier = score.compareTo(BigDecimal.valueOf(60)) >= 0 ? "A"
                : score.compareTo(BigDecimal.valueOf(35)) >= 0 || rfm >= 12 ? "B" : "C";
        int orders = count.intValue();
        String stage = orders == 0 ? "潜在客户" : lastOrder != null && days(lastOrder).intValue() > 90 ? "流失风险客户"
                : orders == 1 ? "新增客户" : orders >= 3 ? "成熟客户" : "成长客户";
        List<String> tags = new ArrayList<>(2);
        if (value >= 80) {
            tags.add("高价值");
        }
        if (behaviour >= 70) {
            tags.add("高活跃");
        }
        return new Object[] {tier, stage, tags};
    }
}
