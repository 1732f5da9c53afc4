package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Valid formulas evaluate to the expected values through the generated MVEL. */
class FormulaEvaluationTest {
    private final FormulaCompiler compiler = TestScopes.compiler();

    static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("0.1 + 0.2", n("0.3")),
                Arguments.of("0.1 + 0.2 == 0.3", true),
                Arguments.of("amount * 0.4 + visits * 0.3", n("403.6")),
                Arguments.of("1 + 2 * 3", n("7")),
                Arguments.of("(1 + 2) * 3", n("9")),
                Arguments.of("10 - 4 - 3", n("3")),
                Arguments.of("2 * 3 % 4", n("2")),
                Arguments.of("7 % 3", n("1")),
                Arguments.of("-7 % 3", n("-1")),
                Arguments.of("1 / 3", n("0.3333333333333333")),
                Arguments.of("2 / 3 * 3", n("2")),
                Arguments.of("1e3 + 1", n("1001")),
                Arguments.of("1.50 * 2", n("3")),
                Arguments.of("-amount", n("-1000")),
                Arguments.of("- -5", n("5")),
                Arguments.of("score >= 80", true),
                Arguments.of("score > 85.5", false),
                Arguments.of("score == 85.50", true),
                Arguments.of("score != 85.5", false),
                Arguments.of("1.0 == 1", true),
                Arguments.of("\"a\" + \"b\"", "ab"),
                Arguments.of("'it\\'s' + \" \\\"ok\\\"\"", "it's \"ok\""),
                Arguments.of("\"x\\ty\\nz\\\\\"", "x\ty\nz\\"),
                Arguments.of("name + \" has \" + visits + \" visits\"", "Alice has 12 visits"),
                Arguments.of("\"score: \" + score", "score: 85.5"),
                Arguments.of("1 + 2 + \"x\"", "3x"),
                Arguments.of("\"x\" + 1 + 2", "x12"),
                Arguments.of("\"v\" + vip", "vtrue"),
                Arguments.of("\"d=\" + lastFollowUp", "d=2024-05-01"),
                Arguments.of("name < \"Bob\"", true),
                Arguments.of("\"b\" >= \"a\"", true),
                Arguments.of("vip && score > 80", true),
                Arguments.of("vip and score > 90", false),
                Arguments.of("!vip || amount > 10", true),
                Arguments.of("not vip or false", false),
                Arguments.of("NOT vip", false),
                Arguments.of("not (score > 90)", true),
                Arguments.of("true == vip", true),
                Arguments.of("TRUE && True", true),
                Arguments.of("score >= 80 ? \"A\" : score >= 60 ? \"B\" : \"C\"", "A"),
                Arguments.of("(score >= 90 ? \"A\" : \"B\") + \"!\"", "B!"),
                Arguments.of("vip ? amount : 0", n("1000")),
                Arguments.of("false ? 1 : true ? 2 : 3", n("2")),
                Arguments.of("(false ? 1 : 2) * 10", n("20")),
                Arguments.of("daysSince(lastFollowUp) > 30 ? \"流失预警\" : \"正常\"", "流失预警"),
                Arguments.of("DAYSSINCE(lastFollowUp)", n("45")),
                Arguments.of("客户等级 == \"金牌\"", true),
                Arguments.of("客户等级 + \"客户\"", "金牌客户"),
                Arguments.of("lastFollowUp + 30", LocalDate.of(2024, 5, 31)),
                Arguments.of("30 + lastFollowUp", LocalDate.of(2024, 5, 31)),
                Arguments.of("lastFollowUp - 1", LocalDate.of(2024, 4, 30)),
                Arguments.of("lastFollowUp + 1.9", LocalDate.of(2024, 5, 2)),
                Arguments.of("closedOn - lastFollowUp", n("40")),
                Arguments.of("lastFollowUp - closedOn", n("-40")),
                Arguments.of("closedOn > lastFollowUp", true),
                Arguments.of("closedAt - signedAt", n("1.5")),
                Arguments.of("signedAt + 0.5", OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC)),
                Arguments.of("closedAt > signedAt", true),
                Arguments.of("TODAY() - lastFollowUp", n("45")),
                Arguments.of("ROUND(amount * 0.4 / 3, 2)", n("133.33")),
                Arguments.of("round(2.5)", n("3")),
                Arguments.of("IF(score >= 80, \"A\", \"B\")", "A"),
                Arguments.of("1000000000000 * 1000000000000", n("1000000000000000000000000")),
                Arguments.of("12345678901234567890", n("12345678901234570000")),
                Arguments.of("   1\n+\t2\r\n", n("3")),
                Arguments.of("((((1))))", n("1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesToExpectedValue(String formula, Object expected) {
        CompiledFormula f = compiler.compile(formula, TestScopes.SCOPE);
        Object actual = f.evaluate(TestScopes.sampleValues());
        if (expected instanceof BigDecimal e) {
            BigDecimal a = assertInstanceOf(BigDecimal.class, actual, formula + " → " + f.mvelSource());
            assertEquals(0, e.compareTo(a), formula + " gave " + a);
            assertEquals(e.stripTrailingZeros().toPlainString(), a.toPlainString(), "normalised output");
        } else {
            assertEquals(expected, actual, formula + " → " + f.mvelSource());
        }
    }

    @Test
    void decimalSumIsExactAndNormalised() {
        Object r = compiler.compile("0.1 + 0.2", TestScopes.SCOPE).evaluate(Map.of());
        assertEquals("0.3", ((BigDecimal) r).toPlainString());
        Object big = compiler.compile("1e3", TestScopes.SCOPE).evaluate(Map.of());
        assertEquals("1000", ((BigDecimal) big).toPlainString());
        assertEquals(0, ((BigDecimal) big).scale());
    }

    @Test
    void resultTypesAndDependenciesAreReported() {
        CompiledFormula f = compiler.compile("amount * 0.4 + visits * 0.3 + amount", TestScopes.SCOPE);
        assertEquals(ValueType.NUMBER, f.type());
        assertEquals(Set.of(1L, 2L), f.fieldIds());
        assertEquals(ValueType.BOOLEAN, compiler.compile("score >= 80", TestScopes.SCOPE).type());
        assertEquals(ValueType.TEXT,
                compiler.compile("daysSince(lastFollowUp) > 30 ? \"流失预警\" : \"正常\"", TestScopes.SCOPE).type());
        assertEquals(ValueType.DATE, compiler.compile("lastFollowUp + 1", TestScopes.SCOPE).type());
        assertEquals(ValueType.NULL, compiler.compile("null", TestScopes.SCOPE).type());
        assertEquals(ValueType.NUMBER, compiler.compile("vip ? null : 1", TestScopes.SCOPE).type());
        assertTrue(compiler.compile("1 + 2", TestScopes.SCOPE).fieldIds().isEmpty());
    }

    @Test
    void generatedMvelContainsNoUserText() {
        CompiledFormula f = compiler.compile(
                "name + \"Runtime.getRuntime().exec('x')\" + 12.5 > \"z\" ? 客户等级 : 'java.lang.System'",
                TestScopes.SCOPE);
        String src = f.mvelSource();
        assertFalse(src.contains("Runtime"), src);
        assertFalse(src.contains("System"), src);
        assertFalse(src.contains("12.5"), src);
        assertFalse(src.contains("客户"), src);
        assertTrue(src.matches("[A-Za-z0-9_ ,.()?:]*"), src);
        assertEquals("java.lang.System", f.evaluate(TestScopes.sampleValues()));
        assertEquals(ValueType.TEXT, f.type());
    }

    @Test
    void numbersGivenAsIntegerLongDoubleAreConverted() {
        CompiledFormula f = compiler.compile("amount + visits + score", TestScopes.SCOPE);
        Map<Long, Object> v = new HashMap<>();
        v.put(1L, 1);
        v.put(2L, 2L);
        v.put(3L, 0.1);
        assertEquals(n("3.1"), f.evaluate(v));
        v.put(3L, 0.1f);
        assertEquals(n("3.1"), f.evaluate(v));
    }

    @Test
    void wrongInputTypeIsAnEvaluationError() {
        CompiledFormula f = compiler.compile("amount + 1", TestScopes.SCOPE);
        FormulaEvaluationException e = org.junit.jupiter.api.Assertions.assertThrows(
                FormulaEvaluationException.class, () -> f.evaluate(Map.of(1L, Boolean.TRUE)));
        assertEquals("formula.eval.bad-value", e.code());
        assertTrue(e.message(java.util.Locale.SIMPLIFIED_CHINESE).contains("amount"));
    }

    @Test
    void functionsWithManyArgumentsAreCalledWithAllOfThem() {
        StringBuilder sb = new StringBuilder("SUM(");
        for (int i = 1; i <= 20; i++) {
            sb.append(i == 1 ? "" : ", ").append(i);
        }
        sb.append(")");
        CompiledFormula f = compiler.compile(sb.toString(), TestScopes.SCOPE);
        assertEquals(n("210"), f.evaluate(Map.of()));
        assertTrue(f.mvelSource().contains("Rt.j("), f.mvelSource());
    }
}
