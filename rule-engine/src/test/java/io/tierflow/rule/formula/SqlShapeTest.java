package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.tierflow.rule.formula.HostileCorpus.Row;
import io.tierflow.rule.function.AbsFunction;
import io.tierflow.rule.function.BuiltinFunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text of the generated SQL: its shape, its parameters, its placeholders, and that no user text gets into it. */
class SqlShapeTest {
    private static final Function<FieldRef, String> COLUMN = f -> "r.f_" + f.fieldId();
    private final FormulaCompiler compiler = TestScopes.compiler();

    private SqlExpression sql(String formula) {
        return compiler.compile(formula, TestScopes.SCOPE).sql(COLUMN);
    }

    @Test
    void arithmeticRoundsThroughTfNumAndLiteralsAreParameters() {
        SqlExpression e = sql("amount * 0.4 + visits * 0.3");
        assertEquals("tf_num(tf_num(tf_num_in(r.f_1) * CAST(? AS numeric)) + tf_num(tf_num_in(r.f_2) * CAST(? AS numeric)))",
                e.sql());
        assertEquals(List.of(new BigDecimal("0.4"), new BigDecimal("0.3")), e.params());
    }

    @Test
    void arithmeticThatFitsIn16DigitsAndArgumentPickingFunctionsAreNotRounded() {
        // points are short constants: their weighted sum is exact, as MVEL's DECIMAL64 arithmetic gives it
        assertEquals("((CASE WHEN r.f_6 THEN CAST(? AS numeric) ELSE CAST(? AS numeric) END * CAST(? AS numeric))"
                + " + CAST(? AS numeric))", sql("(vip ? 10 : 20) * 0.4 + 1").sql());
        assertEquals("COALESCE(tf_num_in(r.f_1), CAST(? AS numeric))", sql("IFNULL(amount, 0)").sql());
        // a field's digits are not known: rounded; so is a product that may need more than 16 digits
        assertEquals("tf_num(tf_num_in(r.f_1) + CAST(? AS numeric))", sql("amount + 1").sql());
        assertEquals("tf_num(CAST(? AS numeric) * CAST(? AS numeric))", sql("123456789 * 123456789").sql());
    }

    @Test
    void conditionsTextComparisonAndTernary() {
        SqlExpression e = sql("vip && name >= \"M\" ? amount / 3 : null");
        assertEquals("CASE WHEN (COALESCE(r.f_6, FALSE) AND COALESCE(COALESCE((r.f_4 COLLATE \"C\" >= "
                + "CAST(? AS text)), FALSE), FALSE)) THEN tf_div(tf_num_in(r.f_1), CAST(? AS numeric)) "
                + "ELSE CAST(NULL AS numeric) END", e.sql());
        assertEquals(List.of("M", new BigDecimal("3")), e.params());
        assertEquals("(r.f_4 COLLATE \"C\" IS NOT DISTINCT FROM CAST(NULL AS text))", sql("name == null").sql());
        assertEquals("CAST(NULL AS text)", sql("null").sql());
    }

    @Test
    void todayAndTheTimeZoneAreParametersFromTheContext() {
        CompiledFormula f = compiler.compile("DAYSSINCE(signedAt) > 30 ? \"流失预警\" : \"正常\"", TestScopes.SCOPE);
        FormulaContext cx = FormulaContext.of(Clock.fixed(Instant.parse("2024-12-31T16:30:00Z"),
                ZoneId.of("Asia/Shanghai")));
        SqlExpression e = f.sql(COLUMN, cx);
        assertEquals("CASE WHEN COALESCE((tf_range(CAST((CAST(? AS date) - "
                + "tf_local_date(tf_dt_in(r.f_7), CAST(? AS text))) AS numeric)) > CAST(? AS numeric)), FALSE) "
                + "THEN CAST(? AS text) ELSE CAST(? AS text) END", e.sql());
        assertEquals(List.of(LocalDate.of(2025, 1, 1), "Asia/Shanghai", new BigDecimal("30"), "流失预警", "正常"),
                e.params());
        // the compiler's context by default: TestScopes' fixed clock in UTC
        assertEquals(List.of(TestScopes.TODAY, "UTC", new BigDecimal("30"), "流失预警", "正常"), f.sql(COLUMN).params());
    }

    @Test
    void placeholdersCanBeRenumbered() {
        CompiledFormula f = compiler.compile("IF(score > 80, \"A\", \"B\")", TestScopes.SCOPE);
        String jdbc = "CASE WHEN COALESCE((tf_num_in(r.f_3) > CAST(? AS numeric)), FALSE) THEN CAST(? AS text) "
                + "ELSE CAST(? AS text) END";
        assertEquals("tf_check_text(" + jdbc + ")", f.sql(COLUMN).sql());
        SqlExpression ordinal = f.sql(COLUMN, 4);
        assertEquals(SqlExpression.Placeholders.ORDINAL, ordinal.placeholders());
        assertTrue(ordinal.sql().contains("CAST(?4 AS numeric)") && ordinal.sql().contains("CAST(?6 AS text) END"),
                ordinal.sql());
        SqlExpression dollar = ordinal.withDollarPlaceholders(1);
        assertTrue(dollar.sql().contains("CAST($1 AS numeric)") && dollar.sql().contains("CAST($3 AS text) END"));
        assertEquals(f.sql(COLUMN).sql(), dollar.withJdbcPlaceholders().sql());
        assertEquals(List.of(new BigDecimal("80"), "A", "B"), dollar.params());
        assertEquals(4, dollar.parts().size());
    }

    @Test
    void columnsMustBeIdentifiers() {
        CompiledFormula f = compiler.compile("amount + visits", TestScopes.SCOPE);
        assertEquals("tf_num(tf_num_in(\"R\".\"金额 1\") + tf_num_in(rec_9.f_2))",
                f.sql(c -> c.fieldId() == 1 ? "\"R\".\"金额 1\"" : "rec_9.f_" + c.fieldId()).sql());
        for (String bad : new String[]{"f_1; DROP TABLE x", "f_1 -- x", "'x'", "f_1 + ?", "$1", "\"a\"\"b\"", "", "a.",
                "(SELECT 1)"}) {
            assertThrows(IllegalArgumentException.class, () -> f.sql(c -> bad), bad);
        }
    }

    @Test
    void userTextReachesSqlOnlyAsParameters() {
        String evil = "'); DROP TABLE rec; -- $1 ?1 \\\" 客户 /* x */";
        CompiledFormula f = compiler.compile("name + " + RandomFormulas.quote(evil) + " + 12.5", TestScopes.SCOPE);
        SqlExpression e = f.sql(COLUMN);
        assertEquals("tf_concat(tf_text(tf_concat(tf_text(r.f_4), tf_text(CAST(? AS text)))), "
                + "tf_text_num(CAST(? AS numeric)))", e.sql());
        assertEquals(List.of(evil, new BigDecimal("12.5")), e.params());
    }

    static List<Row> rows() {
        return HostileCorpus.rows();
    }

    /** Hostile corpus rows, rejected as formulas, are harmless as text literals: parameters, never SQL text. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void hostileTextIsOnlyEverAParameter(Row row) {
        List<String> texts = new ArrayList<>(List.of(row.formula()));
        HostileCorpus.variants(row.formula()).forEach(v -> texts.add(v.formula()));
        int compiled = 0;
        String rejected = null;
        for (String text : texts) {
            CompiledFormula f;
            try {
                f = compiler.compile("IF(customer == " + RandomFormulas.quote(text) + ", UPPER("
                        + RandomFormulas.quote(text) + "), customer + " + RandomFormulas.quote(text) + ")",
                        HostileCorpus.SCOPE);
            } catch (FormulaException e) {
                rejected = e.code();  // invisible and control characters are rejected even inside quotes
                continue;
            }
            compiled++;
            SqlExpression e = f.sql(COLUMN);
            assertEquals("tf_check_text(CASE WHEN (r.f_101 COLLATE \"C\" IS NOT DISTINCT FROM CAST(? AS text)) THEN "
                    + "tf_check_text(tf_upper(CAST(? AS text))) "
                    + "ELSE tf_concat(tf_text(r.f_101), tf_text(CAST(? AS text))) END)", e.sql());
            assertEquals(List.of(text, text, text), e.params());
        }
        if (compiled == 0) {
            assertTrue(List.of("formula.invisible-character", "formula.control-character").contains(rejected),
                    row + ": " + rejected);
        }
    }

    static Stream<Arguments> zones() {
        return Stream.of(Arguments.of(ZoneOffset.UTC, "UTC"), Arguments.of(ZoneId.of("UTC"), "UTC"),
                Arguments.of(ZoneId.of("Asia/Shanghai"), "Asia/Shanghai"),
                Arguments.of(ZoneOffset.ofHours(8), "<+080000>-08:00:00"),
                Arguments.of(ZoneOffset.ofHoursMinutes(-3, -30), "<-033000>+03:30:00"),
                Arguments.of(ZoneId.of("Etc/GMT+8"), "<-080000>+08:00:00"),
                Arguments.of(ZoneId.of("GMT+05:45"), "<+054500>-05:45:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zones")
    void fixedOffsetsAreWrittenAsPosixZonesBecausePostgresInvertsBareOffsets(ZoneId zone, String sql) {
        assertEquals(sql, FormulaContext.of(Clock.system(zone)).sqlZone());
    }

    @Test
    void everyBuiltinTranslatesItsExamples() {
        for (FormulaFunction fn : TestScopes.registry().all()) {
            for (String example : fn.examples()) {
                CompiledFormula f;
                try {
                    f = compiler.compile(example, TestScopes.SCOPE);
                } catch (FormulaException e) {
                    continue;  // examples may name fields the fixture lacks
                }
                SqlExpression e = f.sql(COLUMN);
                assertFalse(e.sql().isBlank(), example);
                assertFalse(e.sql().contains("'"), example);
            }
        }
    }

    /** A function whose translation puts a value into the SQL text, or uses an argument twice, is refused. */
    @Test
    void badTranslationsAreRefused() {
        FormulaFunction literal = new AbsFunction() {
            @Override
            public String sql(SqlArgs a) {
                return "abs(" + a.get(0) + ") + '1'";
            }
        };
        FormulaFunction twice = new AbsFunction() {
            @Override
            public String sql(SqlArgs a) {
                return "(" + a.get(0) + " * " + a.get(0) + ")";
            }
        };
        FormulaFunction comment = new AbsFunction() {
            @Override
            public String sql(SqlArgs a) {
                return "abs(" + a.get(0) + ") -- x";
            }
        };
        for (FormulaFunction fn : List.of(literal, twice, comment)) {
            FormulaCompiler c = new FormulaCompiler(new FunctionRegistry(List.of(fn)));
            CompiledFormula f = c.compile("ABS(amount)", TestScopes.SCOPE);
            assertThrows(IllegalStateException.class, () -> f.sql(COLUMN));
        }
    }

    @Test
    void contextFromTheRegistryClock() {
        Clock clock = Clock.fixed(Instant.parse("2024-03-10T06:30:00Z"), ZoneId.of("America/New_York"));
        CompiledFormula f = new FormulaCompiler(BuiltinFunctions.registry(clock)).compile("TODAY()", TestScopes.SCOPE);
        assertEquals(LocalDate.of(2024, 3, 10), f.evaluate(java.util.Map.of()));
        assertEquals(ZoneId.of("America/New_York"), f.context().zone());
        assertEquals(LocalDate.of(2024, 3, 9), f.evaluate(java.util.Map.of(),
                FormulaContext.of(Clock.fixed(clock.instant(), ZoneId.of("Pacific/Honolulu")))));
        assertEquals(List.of(LocalDate.of(2024, 3, 10)), f.sql(COLUMN).params());
        assertEquals("date", SqlArgs.sqlType(f.type()).toLowerCase(Locale.ROOT));
    }
}
