package io.tierflow.bench;

import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.FormulaCompiler;
import io.tierflow.rule.formula.FormulaScope;
import io.tierflow.rule.formula.ValueType;
import io.tierflow.rule.function.BuiltinFunctions;
import io.tierflow.rule.tier.CompiledTierModel;
import io.tierflow.rule.tier.TierModel;
import io.tierflow.rule.tier.TierModelCompiler;
import io.tierflow.rule.tier.TierRule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * Per-record evaluation of the demo template's scoring and tier model (three scores, a churn flag and three
 * tier rules) through generated MVEL, against a hand-written Java baseline computing the same result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TierModelBenchmark {

    static final long REVENUE = 1, ORDERS = 2, DAYS = 3, VALUE = 4, ACTIVITY = 5, TOTAL = 6, CHURN = 7;

    List<CompiledFormula> formulas;
    List<Long> formulaFields;
    CompiledTierModel tiers;
    List<Map<Long, Object>> records;
    int next;

    @Setup
    public void compile() {
        FormulaCompiler compiler = new FormulaCompiler(BuiltinFunctions.registry());
        List<FieldRef> scope = new ArrayList<>(List.of(new FieldRef("annual_revenue", REVENUE, ValueType.NUMBER),
                new FieldRef("order_count", ORDERS, ValueType.NUMBER), new FieldRef("days_since_contact", DAYS, ValueType.NUMBER)));
        String[][] defs = {
                {"value_score", "4", "MIN(100, IFNULL(annual_revenue, 0) / 5)"},
                {"activity_score", "5", "MIN(100, IFNULL(order_count, 0) * 10)"},
                {"total_score", "6", "ROUND(value_score * 0.6 + activity_score * 0.4, 1)"},
                {"churn_warning", "7", "IFNULL(days_since_contact, 0) > 30 ? \"流失预警\" : \"正常\""}};
        formulas = new ArrayList<>();
        formulaFields = new ArrayList<>();
        for (String[] d : defs) {
            CompiledFormula f = compiler.compile(d[2], FormulaScope.of(scope));
            scope.add(new FieldRef(d[0], Long.parseLong(d[1]), f.type()));
            formulas.add(f);
            formulaFields.add(Long.parseLong(d[1]));
        }
        tiers = new TierModelCompiler(compiler).compile(new TierModel(List.of(new TierRule("A", "total_score >= 80"),
                new TierRule("B", "total_score >= 50"), new TierRule("C", "true"))), FormulaScope.of(scope));
        Random random = new Random(42);
        records = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            Map<Long, Object> r = new HashMap<>();
            r.put(REVENUE, BigDecimal.valueOf(random.nextInt(800)));
            r.put(ORDERS, BigDecimal.valueOf(random.nextInt(15)));
            r.put(DAYS, random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextInt(90)));
            records.add(r);
        }
    }

    private Map<Long, Object> nextRecord() {
        next = (next + 1) & 1023;
        return new HashMap<>(records.get(next));
    }

    @Benchmark
    public void generatedMvel(Blackhole bh) {
        Map<Long, Object> values = nextRecord();
        for (int i = 0; i < formulas.size(); i++) {
            values.put(formulaFields.get(i), formulas.get(i).evaluate(values));
        }
        bh.consume(tiers.evaluate(values).tier());
    }

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The baseline: the same scores and tiers, written by hand in Java. */
    @Benchmark
    public void handWrittenJava(Blackhole bh) {
        Map<Long, Object> values = nextRecord();
        BigDecimal revenue = values.get(REVENUE) == null ? BigDecimal.ZERO : (BigDecimal) values.get(REVENUE);
        BigDecimal orders = values.get(ORDERS) == null ? BigDecimal.ZERO : (BigDecimal) values.get(ORDERS);
        BigDecimal days = values.get(DAYS) == null ? BigDecimal.ZERO : (BigDecimal) values.get(DAYS);
        BigDecimal value = HUNDRED.min(revenue.divide(BigDecimal.valueOf(5), MathContext.DECIMAL64));
        BigDecimal activity = HUNDRED.min(orders.multiply(BigDecimal.TEN));
        BigDecimal total = value.multiply(new BigDecimal("0.6")).add(activity.multiply(new BigDecimal("0.4")))
                .setScale(1, RoundingMode.HALF_UP);
        values.put(VALUE, value);
        values.put(ACTIVITY, activity);
        values.put(TOTAL, total);
        values.put(CHURN, days.compareTo(BigDecimal.valueOf(30)) > 0 ? "流失预警" : "正常");
        String tier = total.compareTo(BigDecimal.valueOf(80)) >= 0 ? "A" : total.compareTo(BigDecimal.valueOf(50)) >= 0 ? "B" : "C";
        bh.consume(tier);
    }
}
