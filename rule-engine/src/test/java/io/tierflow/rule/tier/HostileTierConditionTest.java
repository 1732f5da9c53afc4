package io.tierflow.rule.tier;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.tierflow.rule.formula.FormulaException;
import io.tierflow.rule.formula.HostileCorpus;
import io.tierflow.rule.formula.HostileCorpus.Row;
import io.tierflow.rule.formula.HostileCorpus.Variant;
import io.tierflow.rule.formula.TestScopes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every hostile corpus row (plain and mutated) is rejected as a tier condition, naming the rule, and in the
 * other places of a tier model: a score dimension's formula, a lifecycle stage condition and a tag condition.
 */
class HostileTierConditionTest {
    private static HostileCorpus corpus;
    private static final TierModelCompiler COMPILER = new TierModelCompiler(TestScopes.compiler());

    @BeforeAll
    static void open() {
        corpus = new HostileCorpus();
    }

    @AfterAll
    static void close() throws IOException {
        corpus.close();
    }

    static List<Row> rows() {
        return HostileCorpus.rows();
    }

    private static void compileAsSecondRule(String condition) {
        COMPILER.compile(new TierModel(List.of(new TierRule("Safe", "amount > 1"),
                new TierRule("Hostile", condition))), HostileCorpus.SCOPE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rowIsRejectedAsATierCondition(Row row) {
        String f = corpus.instantiate(row);
        corpus.assertRejectedSafely(row, f, HostileTierConditionTest::compileAsSecondRule);
        FormulaException e = assertThrows(FormulaException.class, () -> compileAsSecondRule(f));
        assertEquals(1, e.ruleIndex());
        for (Variant v : HostileCorpus.variants(f)) {
            corpus.assertRejectedSafely(row, v.formula(), HostileTierConditionTest::compileAsSecondRule);
        }
    }

    private static void compileAsDimension(String formula) {
        COMPILER.compile(new TierModel(List.of(new ScoreModel("s", "s", ScoreModel.WEIGHTED, List.of(
                new ScoreDimension("d", "d", java.math.BigDecimal.ONE, formula, null, null, null, null)))), List.of(), null, null),
                HostileCorpus.SCOPE);
    }

    private static void compileAsStage(String condition) {
        COMPILER.compile(new TierModel(List.of(), List.of(), List.of(new StageRule("x", condition)), null), HostileCorpus.SCOPE);
    }

    private static void compileAsTag(String condition) {
        COMPILER.compile(new TierModel(List.of(), List.of(), null, List.of(new TagRule("x", condition))), HostileCorpus.SCOPE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rowIsRejectedAsAScoreDimensionAStageAndATag(Row row) {
        String f = corpus.instantiate(row);
        corpus.assertRejectedSafely(row, f, HostileTierConditionTest::compileAsDimension);
        assertEquals("scores[0].dimensions[0].formula",
                assertThrows(FormulaException.class, () -> compileAsDimension(f)).modelPath());
        corpus.assertRejectedSafely(row, f, HostileTierConditionTest::compileAsStage);
        corpus.assertRejectedSafely(row, f, HostileTierConditionTest::compileAsTag);
        for (Variant v : HostileCorpus.variants(f)) {
            corpus.assertRejectedSafely(row, v.formula(), HostileTierConditionTest::compileAsDimension);
        }
    }
}
