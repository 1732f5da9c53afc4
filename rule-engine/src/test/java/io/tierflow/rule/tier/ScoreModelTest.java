package io.tierflow.rule.tier;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.ValueType;
import io.tierflow.rule.formula.FormulaException;
import io.tierflow.rule.formula.RandomFormulas;
import io.tierflow.rule.formula.RandomRecords;
import io.tierflow.rule.formula.SqlExpression;
import io.tierflow.rule.formula.TestDatabase;
import io.tierflow.rule.formula.TestScopes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weighted and RFM scores, lifecycle stages and tags: what one record gets and why, what bad models are told, and
 * that the SQL back end gives every record of a table the same scores, tier, stage and tags as the per-record one.
 * Fields (RandomFormulas.SCOPE): n1 = 1, n2 = 2, 金额 = 3 (numbers), d1 = 8 (date), b1 = 6 (boolean).
 */
class ScoreModelTest {
    private final TierModelCompiler compiler = new TierModelCompiler(TestScopes.compiler());

    private static ScoreDimension dim(String key, String weight, String formula, ScoreBands bands, String quintiles,
            String... boundaries) {
        return new ScoreDimension(key, key + " label", weight == null ? null : new BigDecimal(weight), formula, bands,
                quintiles, boundaries.length == 0 ? null : Arrays.stream(boundaries).map(BigDecimal::new).toList(),
                boundaries.length == 0 ? null : 100L);
    }

    private static ScoreBands bands(String thresholds, String scores) {
        return new ScoreBands(Arrays.stream(thresholds.split(",")).map(BigDecimal::new).toList(),
                Arrays.stream(scores.split(",")).map(BigDecimal::new).toList());
    }

    private static final ScoreModel WEIGHTED = new ScoreModel("total", "综合评分", ScoreModel.WEIGHTED, List.of(
            dim("value", "40", "n1", bands("100,1000", "10,50,100"), null),
            dim("activity", "60", "MIN(IFNULL(n2, 0) * 10, 100)", null, null)));

    private static final ScoreModel RFM = new ScoreModel("rfm", "RFM", ScoreModel.RFM, List.of(
            dim("r", null, "n1", null, ScoreDimension.LOW_IS_BETTER, "10", "20", "20", "40"),
            dim("f", null, "n2", null, ScoreDimension.HIGH_IS_BETTER, "1", "1", "2", "5"),
            dim("m", null, "金额", null, ScoreDimension.HIGH_IS_BETTER, "100", "200", "300", "400")));

    private static final TierModel MODEL = new TierModel(List.of(WEIGHTED, RFM),
            List.of(new TierRule("A", "total >= 60"), new TierRule("B", "total >= 30 || rfm >= 12"), new TierRule("C", "true")),
            List.of(new StageRule("流失", "DAYSSINCE(d1) > 90"), new StageRule("成熟", "f >= 4")),
            List.of(new TagRule("churn_risk", "DAYSSINCE(d1) > 30"), new TagRule("big", "m == 5"), new TagRule("vip", "b1")));

    private static Map<Long, Object> record(String n1, String n2, String amount, LocalDate d1, Boolean b1) {
        Map<Long, Object> v = new HashMap<>();
        v.put(1L, n1 == null ? null : new BigDecimal(n1));
        v.put(2L, n2 == null ? null : new BigDecimal(n2));
        v.put(3L, amount == null ? null : new BigDecimal(amount));
        v.put(8L, d1);
        v.put(6L, b1);
        return v;
    }

    @Test
    @SuppressWarnings("unchecked")
    void weightedScoreExplainsValueWeightContributionAndThresholds() {
        CompiledTierModel m = compiler.compile(MODEL, RandomFormulas.SCOPE);
        TierDecision d = m.evaluate(record("500", "3", "250", TestScopes.TODAY.minusDays(40), true));
        assertEquals("B", d.tier());
        Map<String, Object> total = d.scores().get(0);
        assertEquals(0, new BigDecimal("38").compareTo((BigDecimal) total.get("total")), total.toString());
        List<Map<String, Object>> dims = (List<Map<String, Object>>) total.get("dimensions");
        assertEquals(new BigDecimal("500"), dims.get(0).get("value"));
        assertEquals(0, new BigDecimal("50").compareTo((BigDecimal) dims.get(0).get("score")));
        assertEquals(new BigDecimal("40"), dims.get(0).get("weight"));
        assertEquals(new BigDecimal("20"), dims.get(0).get("contribution"));
        assertEquals(List.of(new BigDecimal("100")), dims.get(0).get("thresholdsCrossed"));
        assertEquals(new BigDecimal("18"), dims.get(1).get("contribution"));
        // the rule that decided reads the score by its key
        assertEquals(java.util.Set.of("total", "rfm"), ((Map<String, Object>) d.explanation().get(1).get("values")).keySet());
        assertEquals(List.of("churn_risk", "vip"), d.tags());
        assertEquals("成熟", d.stage(), "f: 3 is at or above 1, 1 and 2");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rfmScoresQuintilesWithTiedBoundariesAndLowerIsBetterRecency() {
        CompiledTierModel m = compiler.compile(MODEL, RandomFormulas.SCOPE);
        TierDecision d = m.evaluate(record("20", "1", "250", TestScopes.TODAY.minusDays(100), null));
        List<Map<String, Object>> dims = (List<Map<String, Object>>) d.scores().get(1).get("dimensions");
        // r: 20 is at or above boundaries 10, 20, 20 → 5 - 3 = 2; f: 1 is at or above 1, 1 → 1 + 2 = 3; m: 250 → 3
        assertEquals(List.of("2", "3", "3"), dims.stream().map(x -> ((BigDecimal) x.get("score")).toPlainString()).toList());
        assertEquals(0, new BigDecimal("8").compareTo((BigDecimal) d.scores().get(1).get("total")));
        assertEquals("流失", d.stage());
        TierDecision best = m.evaluate(record("5", "9", "500", TestScopes.TODAY, null));
        assertEquals(0, new BigDecimal("15").compareTo((BigDecimal) best.scores().get(1).get("total")));
        assertEquals("B", best.tier(), "rfm 15 ≥ 12 although the weighted total is " + best.scores().get(0).get("total"));
        assertEquals("成熟", best.stage());
        assertEquals(List.of("big"), best.tags());
    }

    @Test
    void quintilesNotYetComputedGiveNoScoreAndMissingDimensionsCountZero() {
        ScoreModel fresh = new ScoreModel("rfm", "RFM", ScoreModel.RFM, List.of(
                dim("r", null, "n1", null, ScoreDimension.LOW_IS_BETTER),
                dim("f", null, "n2", bands("1,5", "1,3,5"), null),
                dim("m", null, "金额", bands("100", "1,5"), null)));
        CompiledTierModel m = compiler.compile(new TierModel(List.of(fresh), List.of(new TierRule("X", "r == null")), null, null),
                RandomFormulas.SCOPE);
        TierDecision d = m.evaluate(record("3", "5", null, null, null));
        assertEquals("X", d.tier());
        assertEquals(0, new BigDecimal("5").compareTo((BigDecimal) d.scores().get(0).get("total")));
    }

    @Test
    void badModelsNameThePartAndTheReasonInBothLanguages() {
        FormulaException e = bad(new ScoreModel("n1", "clash", ScoreModel.WEIGHTED, List.of(dim("a", "1", "n1", null, null))));
        assertEquals("formula.tier.key-taken", e.code());
        assertEquals("scores[0].key", e.modelPath());
        assertTrue(e.message(Locale.SIMPLIFIED_CHINESE).contains("已被字段"), e.message(Locale.SIMPLIFIED_CHINESE));
        e = bad(new ScoreModel("s", null, ScoreModel.WEIGHTED, List.of(dim("a", "0", "n1", null, null))));
        assertEquals("scores[0].dimensions[0].weight", e.modelPath());
        e = bad(new ScoreModel("s", null, ScoreModel.WEIGHTED, List.of(dim("a", "1", "t1", null, null))));
        assertEquals("formula.tier.not-number", e.code());
        assertEquals("scores[0].dimensions[0].formula", e.modelPath());
        assertTrue(e.getMessage().startsWith("Score s, dimension a: "), e.getMessage());
        e = bad(new ScoreModel("s", null, ScoreModel.WEIGHTED, List.of(dim("a", "1", "n1 +", null, null))));
        assertEquals("scores[0].dimensions[0].formula", e.modelPath());
        e = bad(new ScoreModel("s", null, ScoreModel.WEIGHTED, List.of(dim("a", "1", "n1", bands("5,1", "1,2,3"), null))));
        assertEquals("scores[0].dimensions[0].bands", e.modelPath());
        e = bad(new ScoreModel("s", null, ScoreModel.RFM, List.of(dim("a", "1", "n1", null, null))));
        assertEquals("formula.tier.rfm-dimensions", e.code());
        e = bad(new ScoreModel("s", null, "magic", List.of(dim("a", "1", "n1", null, null))));
        assertEquals("scores[0].kind", e.modelPath());
        e = bad(new ScoreModel("s", null, ScoreModel.WEIGHTED, List.of(dim("a b", "1", "n1", null, null))));
        assertEquals("formula.tier.bad-key", e.code());
        e = bad(new ScoreModel("s", null, ScoreModel.RFM, List.of(dim("r", null, "n1", null, "sideways"),
                dim("f", null, "n2", null, ScoreDimension.HIGH_IS_BETTER), dim("m", null, "n3", null, ScoreDimension.HIGH_IS_BETTER))));
        assertEquals("scores[0].dimensions[0].quintiles", e.modelPath());
        FormulaException stage = assertThrows(FormulaException.class, () -> compiler.compile(new TierModel(List.of(), List.of(),
                List.of(new StageRule("新客", "n1")), List.of()), RandomFormulas.SCOPE));
        assertEquals("stages[0].condition", stage.modelPath());
        assertTrue(stage.message(Locale.SIMPLIFIED_CHINESE).startsWith("第 1 个阶段（新客）："), stage.message(Locale.SIMPLIFIED_CHINESE));
        FormulaException tag = assertThrows(FormulaException.class, () -> compiler.compile(new TierModel(List.of(), List.of(),
                List.of(), List.of(new TagRule(" ", "true"))), RandomFormulas.SCOPE));
        assertEquals("tags[0].tag", tag.modelPath());
        FormulaException rule = assertThrows(FormulaException.class, () -> compiler.compile(new TierModel(List.of(WEIGHTED),
                List.of(new TierRule("A", "totl > 1")), null, null), RandomFormulas.SCOPE));
        assertEquals("rules[0].condition", rule.modelPath());
    }

    private FormulaException bad(ScoreModel score) {
        return assertThrows(FormulaException.class,
                () -> compiler.compile(new TierModel(List.of(score), List.of(), null, null), RandomFormulas.SCOPE));
    }

    @Test
    void sqlGivesEveryRecordTheSameScoresTierStageAndTags() throws SQLException {
        CompiledTierModel m = compiler.compile(MODEL, RandomFormulas.SCOPE);
        Random rnd = new Random(7);
        String[] numbers = {null, "0", "1", "2", "5", "9.5", "10", "19.99", "20", "40", "99", "100", "250", "400", "1000", "1e6", "-3", "0.3333333333333333"};
        List<Map<Long, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<Long, Object> row = new HashMap<>();
            for (FieldRef f : RandomFormulas.SCOPE.fields()) {
                row.put(f.fieldId(), null);
            }
            row.putAll(record(numbers[rnd.nextInt(numbers.length)], numbers[rnd.nextInt(numbers.length)],
                    numbers[rnd.nextInt(numbers.length)], rnd.nextInt(6) == 0 ? null : TestScopes.TODAY.minusDays(rnd.nextInt(200)),
                    rnd.nextInt(3) == 0 ? null : rnd.nextBoolean()));
            rows.add(row);
        }
        try (TestDatabase db = TestDatabase.open()) {
            RandomRecords.insert(db.connection(), rows);
            java.util.function.Function<FieldRef, String> fields = f -> "r.f_" + f.fieldId();
            java.util.function.Function<FieldRef, String> columns = m.columns(fields);
            SqlExpression sql = SqlExpression.concat("SELECT r.id, ", m.sql(columns), ", ", m.stageSql(columns), ", ",
                    m.tagsSql(columns), ", " + columns.apply(new FieldRef("total", totalId(m, "total"), ValueType.NUMBER))
                            + ", " + columns.apply(new FieldRef("rfm", totalId(m, "rfm"), ValueType.NUMBER)) + " FROM rec r",
                    m.lateralJoins(fields), " ORDER BY r.id");
            try (PreparedStatement ps = db.connection().prepareStatement(sql.sql())) {
                for (int i = 0; i < sql.params().size(); i++) {
                    ps.setObject(i + 1, sql.params().get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        TierDecision d = m.evaluate(rows.get(rs.getInt(1)));
                        String where = "record " + rows.get(rs.getInt(1)) + " → " + d;
                        assertEquals(d.tier(), rs.getString(2), where);
                        assertEquals(d.stage(), rs.getString(3), where);
                        assertEquals(d.tags(), Arrays.asList((String[]) rs.getArray(4).getArray()), where);
                        assertSameNumber(d.scores().get(0).get("total"), rs.getBigDecimal(5), where);
                        assertSameNumber(d.scores().get(1).get("total"), rs.getBigDecimal(6), where);
                        n++;
                    }
                    assertEquals(rows.size(), n);
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void percentRankScoresTheValuesPlaceAmongTheFormsPercentilesInBothBackEnds() throws SQLException {
        List<BigDecimal> percentiles = new ArrayList<>();
        for (int i = 1; i <= 99; i++) {
            percentiles.add(BigDecimal.valueOf(i <= 10 ? 0 : i * 10)); // the lowest tenth of the form is 0
        }
        ScoreModel rank = new ScoreModel("rank", "排名", ScoreModel.WEIGHTED, List.of(
                new ScoreDimension("amount_rank", "金额排名", BigDecimal.ONE, "金额", null, null, percentiles, 1000L,
                        ScoreDimension.HIGH_IS_BETTER),
                new ScoreDimension("n1_rank", "n1 排名", BigDecimal.ONE, "n1", null, null, percentiles, 1000L,
                        ScoreDimension.LOW_IS_BETTER)));
        CompiledTierModel m = compiler.compile(new TierModel(List.of(rank), List.of(new TierRule("Top", "amount_rank >= 90"),
                new TierRule("Rest", "true")), null, null), RandomFormulas.SCOPE);
        TierDecision d = m.evaluate(record("505", null, "505", null, null));
        List<Map<String, Object>> dims = (List<Map<String, Object>>) d.scores().get(0).get("dimensions");
        // 505 is at or above the ten zeros and 110 … 500: 50 of the 99 percentiles
        assertEquals(0, new BigDecimal("50").compareTo((BigDecimal) dims.get(0).get("score")));
        assertEquals(0, new BigDecimal("49").compareTo((BigDecimal) dims.get(1).get("score")), "lower is better: 99 - 50");
        assertEquals("Rest", d.tier());
        assertEquals("Top", m.evaluate(record("1", null, "990", null, null)).tier());
        assertEquals(0, new BigDecimal("0").compareTo((BigDecimal) ((List<Map<String, Object>>) m.evaluate(record("1", null, "-1", null, null))
                .scores().get(0).get("dimensions")).get(0).get("score")));
        FormulaException bad = assertThrows(FormulaException.class, () -> compiler.compile(new TierModel(List.of(new ScoreModel("r", "r",
                ScoreModel.WEIGHTED, List.of(new ScoreDimension("x1", "x", BigDecimal.ONE, "n1", null, null, percentiles.subList(0, 4), 4L,
                        ScoreDimension.HIGH_IS_BETTER)))), List.of(), null, null), RandomFormulas.SCOPE));
        assertEquals("scores[0].dimensions[0].boundaries", bad.modelPath());
        assertSqlMatches(m, "rank");
    }

    /** The model's tier, stage, tags and the named scores' totals, in SQL over 300 random rows, as MVEL gives them. */
    private void assertSqlMatches(CompiledTierModel m, String... totals) throws SQLException {
        Random rnd = new Random(11);
        String[] numbers = {null, "0", "1", "-1", "5", "10", "99.5", "100", "110", "250", "505", "990", "1000", "1e6"};
        List<Map<Long, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<Long, Object> row = new HashMap<>();
            for (FieldRef f : RandomFormulas.SCOPE.fields()) {
                row.put(f.fieldId(), null);
            }
            row.putAll(record(numbers[rnd.nextInt(numbers.length)], numbers[rnd.nextInt(numbers.length)],
                    numbers[rnd.nextInt(numbers.length)], null, null));
            rows.add(row);
        }
        try (TestDatabase db = TestDatabase.open()) {
            RandomRecords.insert(db.connection(), rows);
            java.util.function.Function<FieldRef, String> fields = f -> "r.f_" + f.fieldId();
            java.util.function.Function<FieldRef, String> columns = m.columns(fields);
            List<Object> pieces = new ArrayList<>(List.of("SELECT r.id, ", m.sql(columns)));
            for (String t : totals) {
                FieldRef ref = m.derived().stream().filter(x -> x.ref().key().equals(t)).findFirst().orElseThrow().ref();
                pieces.add(", " + columns.apply(ref));
            }
            pieces.add(" FROM rec r");
            pieces.add(m.lateralJoins(fields));
            pieces.add(" ORDER BY r.id");
            SqlExpression sql = SqlExpression.concat(pieces.toArray());
            try (PreparedStatement ps = db.connection().prepareStatement(sql.sql())) {
                for (int i = 0; i < sql.params().size(); i++) {
                    ps.setObject(i + 1, sql.params().get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        TierDecision d = m.evaluate(rows.get(rs.getInt(1)));
                        String where = "record " + rows.get(rs.getInt(1)) + " → " + d;
                        assertEquals(d.tier(), rs.getString(2), where);
                        for (int t = 0; t < totals.length; t++) {
                            assertSameNumber(d.scores().get(t).get("total"), rs.getBigDecimal(3 + t), where);
                        }
                    }
                }
            }
        }
    }

    private static long totalId(CompiledTierModel m, String key) {
        return m.derived().stream().filter(d -> d.ref().key().equals(key)).findFirst().orElseThrow().ref().fieldId();
    }

    private static void assertSameNumber(Object mvel, BigDecimal sql, String where) {
        if (mvel == null || sql == null) {
            assertEquals(mvel, sql, where);
        } else {
            assertEquals(0, ((BigDecimal) mvel).compareTo(sql), where + ": " + mvel + " vs " + sql);
        }
    }
}
