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

/** Every hostile corpus row (plain and mutated) is rejected as a tier condition, naming the rule. */
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
}
