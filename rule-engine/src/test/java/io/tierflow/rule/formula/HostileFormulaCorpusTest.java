package io.tierflow.rule.formula;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.tierflow.rule.formula.HostileCorpus.Row;
import io.tierflow.rule.formula.HostileCorpus.Variant;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every row of the shared hostile corpus, and its mutations, is rejected before MVEL sees anything. */
class HostileFormulaCorpusTest {
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

    static List<Row> rows() {
        return HostileCorpus.rows();
    }

    static Stream<Arguments> mutatedRows() {
        List<Arguments> out = new ArrayList<>();
        for (Row r : HostileCorpus.rows()) {
            for (Variant v : HostileCorpus.variants(r.formula())) {
                out.add(Arguments.of(r, v));
            }
        }
        return out.stream();
    }

    @Test
    void corpusIsPresentAndComplete() {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 60, "rows: " + rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.formula().contains("<MARK>")));
        assertTrue(rows.stream().anyMatch(r -> r.formula().contains("<PORT>")));
    }

    @Test
    void representativeRowsAreRejectedForTheSpecificReason() {
        java.util.Map<String, String> expected = java.util.Map.ofEntries(
                java.util.Map.entry("P01", "formula.member-access"),
                java.util.Map.entry("P03", "formula.keyword"),
                java.util.Map.entry("P08", "formula.keyword"),
                java.util.Map.entry("P11", "formula.keyword"),
                java.util.Map.entry("P18", "formula.assignment"),
                java.util.Map.entry("P29", "formula.keyword"),
                java.util.Map.entry("P57", "formula.regex-operator"),
                java.util.Map.entry("X2", "formula.keyword"),
                java.util.Map.entry("X9", "formula.power-operator"),
                // DATEADD exists now; the scope has no field "created" (SqlShapeTest: the unit text is only a parameter)
                java.util.Map.entry("X11", "formula.unknown-field"),
                java.util.Map.entry("X8a", "formula.comment"),
                java.util.Map.entry("X8b", "formula.comment"),
                java.util.Map.entry("X8c", "formula.forbidden-character"),
                java.util.Map.entry("X7a", "formula.invisible-character"),
                java.util.Map.entry("X7b", "formula.invisible-character"),
                java.util.Map.entry("X13a", "formula.too-deep"));
        int checked = 0;
        for (Row r : rows()) {
            String code = expected.get(r.id());
            if (code != null) {
                FormulaException e = org.junit.jupiter.api.Assertions.assertThrows(FormulaException.class,
                        () -> COMPILER.compile(corpus.instantiate(r), HostileCorpus.SCOPE));
                org.junit.jupiter.api.Assertions.assertEquals(code, e.code(), r + ": " + e.getMessage());
                checked++;
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(expected.size(), checked, "rows missing from the corpus");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rowIsRejectedAsAFormula(Row row) {
        corpus.assertRejectedSafely(row, corpus.instantiate(row), f -> COMPILER.compile(f, HostileCorpus.SCOPE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rowIsRejectedInsideAnOtherwiseValidFormula(Row row) {
        String f = corpus.instantiate(row);
        corpus.assertRejectedSafely(row, "amount > 1 ? (" + f + ") : 0",
                x -> COMPILER.compile(x, HostileCorpus.SCOPE));
        corpus.assertRejectedSafely(row, "IF(amount > 1, " + f + ", 0)",
                x -> COMPILER.compile(x, HostileCorpus.SCOPE));
    }

    /** The corpus's scope where {@code customer.*} and {@code record.*} name related records, as links allow. */
    private static final FormulaScope LINKED = HostileCorpus.SCOPE.withLinks(List.of(
            Link.of("customer", Link.Kind.ONE, FormulaScope.of(List.of(new FieldRef("name", 201, ValueType.TEXT))),
                    new FieldRef("customer", 101, ValueType.TEXT), "rec_2", java.util.Map.of(201L, "f_201"), false),
            Link.of("record", Link.Kind.MANY, FormulaScope.of(List.of(new FieldRef("amount", 301, ValueType.NUMBER),
                    new FieldRef("parent", 302, ValueType.NUMBER))), new FieldRef("parent", 302, ValueType.NUMBER),
                    "rec_3", java.util.Map.of(301L, "f_301", 302L, "f_302"), false)));

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rowIsRejectedWhereRelatedRecordsAreReadable(Row row) {
        String f = corpus.instantiate(row);
        corpus.assertRejectedSafely(row, f, x -> COMPILER.compile(x, LINKED));
        corpus.assertRejectedSafely(row, "COUNT(record, " + f + ")", x -> COMPILER.compile(x, LINKED));
        corpus.assertRejectedSafely(row, "SUM(record.amount, record.amount > 1 && " + f + ")",
                x -> COMPILER.compile(x, LINKED));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"customer.getClass()", "customer.name.getClass()",
            "customer.class", "customer.name.class.forName(\"java.lang.Runtime\")", "record.amount.toString()",
            "SUM(record.getClass(), true)", "COUNT(record.class)", "COUNT(record, record.parent.notify())",
            "LATEST(record.amount, T(java.lang.System).exit(0))", "customer . name", "customer.\u200Bname",
            "SUM(record.amount, customer.name == \"x\"; System.exit(0))", "record.amount",
            "COUNT(record)(1)", "customer.name[0]", "customer.name.length"})
    void linkPathsDoNotOpenMemberAccess(String formula) {
        assertThrows(FormulaException.class, () -> COMPILER.compile(formula, LINKED));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("mutatedRows")
    void mutatedRowIsRejected(Row row, Variant variant) {
        // mutate the instantiated text (so <MARK> and <PORT> stay real), picking the same kind of mutation
        String mutated = HostileCorpus.variants(corpus.instantiate(row)).stream()
                .filter(v -> v.description().equals(variant.description()))
                .findFirst().orElseThrow().formula();
        corpus.assertRejectedSafely(row, mutated, x -> COMPILER.compile(x, HostileCorpus.SCOPE));
    }
}
