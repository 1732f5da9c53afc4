package io.tierflow.rule.tier;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tierflow.rule.formula.FormulaException;
import io.tierflow.rule.formula.SqlExpression;
import io.tierflow.rule.formula.TestDatabase;
import io.tierflow.rule.formula.TestScopes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * PERCENTRANK(value) in a tier model: ranked 0–99 against the form's percentiles stored with the version (none:
 * the rank is null), the same in MVEL and SQL, named by its argument's canonical text, and refused outside models.
 */
class PercentRankTest {
    private final TierModelCompiler compiler = new TierModelCompiler(TestScopes.compiler());
    private static final List<TierRule> RULES = List.of(new TierRule("Top", "PERCENTRANK(amount) >= 80"),
            new TierRule("Rest", "true"));

    /** Percentiles of 1, 2, …, 100: the p-th is p. */
    private static List<BigDecimal> oneToNinetyNine() {
        List<BigDecimal> p = new ArrayList<>();
        for (int i = 1; i < 100; i++) {
            p.add(BigDecimal.valueOf(i));
        }
        return p;
    }

    private static TierModel model(List<RankBoundaries> ranks) {
        return new TierModel(List.of(), RULES, List.of(), List.of(), ranks);
    }

    @Test
    void beforeThePercentilesAreComputedTheRankIsEmptyAndTheModelNamesWhatToCompute() {
        CompiledTierModel m = compiler.compile(model(List.of()), TestScopes.SCOPE);
        assertEquals(List.of("amount"), List.copyOf(m.ranks().keySet()));
        assertEquals("Rest", m.evaluate(Map.of(TestScopes.AMOUNT.fieldId(), 1_000_000)).tier());
    }

    @Test
    void aRecordIsRankedByThePercentilesAtOrBelowItsValue() {
        CompiledTierModel m = compiler.compile(model(List.of(new RankBoundaries("amount", oneToNinetyNine(), 100L))),
                TestScopes.SCOPE);
        assertEquals("Top", m.evaluate(Map.of(TestScopes.AMOUNT.fieldId(), 80)).tier());
        assertEquals("Rest", m.evaluate(Map.of(TestScopes.AMOUNT.fieldId(), 79.5)).tier());
        assertEquals("Top", m.evaluate(Map.of(TestScopes.AMOUNT.fieldId(), 1e9)).tier());
        assertEquals("Rest", m.evaluate(Map.of()).tier(), "no value, no rank");
    }

    @Test
    void sqlRanksAsMvelDoes() throws Exception {
        List<BigDecimal> skewed = new ArrayList<>();
        for (int i = 1; i < 100; i++) {
            skewed.add(BigDecimal.valueOf(i < 50 ? 10 : i)); // repeated percentiles, as small forms give
        }
        TierModel model = new TierModel(List.of(), List.of(new TierRule("Top", "PERCENTRANK(amount * 2) >= 60"),
                new TierRule("Rest", "true")), List.of(), List.of(), List.of(new RankBoundaries("(amount * 2)", skewed, 99L)));
        CompiledTierModel m = compiler.compile(model, TestScopes.SCOPE);
        try (TestDatabase db = TestDatabase.open(); Statement s = db.connection().createStatement()) {
            s.execute("CREATE TEMP TABLE r (id int, f_1 numeric)");
            s.execute("INSERT INTO r VALUES (1, 2), (2, 4.99), (3, 5), (4, 30), (5, 49.5), (6, NULL), (7, 1000)");
            SqlExpression sql = m.sql(f -> "r.f_" + f.fieldId());
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT id, f_1, " + sql.sql() + " FROM r ORDER BY id")) {
                for (int i = 0; i < sql.params().size(); i++) {
                    ps.setObject(i + 1, sql.params().get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<Long, Object> values = new java.util.HashMap<>();
                        values.put(TestScopes.AMOUNT.fieldId(), rs.getBigDecimal(2));
                        assertEquals(m.evaluate(values).tier(), rs.getString(3), "amount " + rs.getBigDecimal(2));
                    }
                }
            }
        }
    }

    @Test
    void theArgumentIsNamedCanonically() {
        TierModel model = new TierModel(List.of(), List.of(new TierRule("A", "PERCENTRANK( amount*2 ) > 1"),
                new TierRule("B", "percentrank(amount * 2) > 0")), List.of(), List.of());
        assertEquals(List.of("(amount * 2)"), List.copyOf(compiler.compile(model, TestScopes.SCOPE).ranks().keySet()));
    }

    @Test
    void itIsRefusedOutsideTierModelsAndForOtherThanNumbers() {
        FormulaException outside = assertThrows(FormulaException.class,
                () -> TestScopes.compiler().compile("PERCENTRANK(amount) > 50", TestScopes.SCOPE));
        assertEquals("formula.rank-outside-model", outside.code());
        FormulaException text = assertThrows(FormulaException.class, () -> compiler.compile(
                new TierModel(List.of(new TierRule("A", "PERCENTRANK(name) > 1"))), TestScopes.SCOPE));
        assertEquals("formula.function-arguments", text.code());
        FormulaException nested = assertThrows(FormulaException.class, () -> compiler.compile(
                new TierModel(List.of(new TierRule("A", "PERCENTRANK(PERCENTRANK(amount)) > 1"))), TestScopes.SCOPE));
        assertEquals("formula.nested-rank", nested.code());
    }
}
