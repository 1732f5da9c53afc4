package io.tierflow.rule.formula;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.tierflow.rule.formula.HostileCorpus.Row;
import io.tierflow.rule.formula.HostileCorpus.Variant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The first twenty rows of the hostile corpus, on their own: rejected as formulas, plain and mutated. */
class HostileFormulaFirstTwentyRowsTest {
    private static HostileCorpus corpus;
    private static final FormulaCompiler COMPILER = TestScopes.compiler();

    @BeforeAll
    static void open() {
        corpus = new HostileCorpus();
    }

    @AfterAll
    static void close() throws IOException {
        corpus.close();
    }

    static List<Row> firstTwenty() {
        return HostileCorpus.rows().subList(0, 20);
    }

    @Test
    void thereAreTwentyRows() {
        assertEquals(20, firstTwenty().size());
        assertEquals("P01", firstTwenty().get(0).id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstTwenty")
    void rowAndItsMutationsAreRejectedWithoutSideEffects(Row row) {
        String f = corpus.instantiate(row);
        corpus.assertRejectedSafely(row, f, x -> COMPILER.compile(x, HostileCorpus.SCOPE));
        for (Variant v : HostileCorpus.variants(f)) {
            corpus.assertRejectedSafely(row, v.formula(), x -> COMPILER.compile(x, HostileCorpus.SCOPE));
        }
    }
}
