package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.formula.FormulaCompiler;
import io.tierflow.rule.formula.FormulaEvaluationException;
import io.tierflow.rule.formula.FormulaException;
import io.tierflow.rule.formula.FormulaFunction;
import io.tierflow.rule.formula.FunctionRegistry;
import io.tierflow.rule.formula.TestScopes;
import io.tierflow.rule.formula.ValueType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every built-in function: results, null handling, argument checks, texts in zh and en, bounds. */
class BuiltinFunctionsTest {
    private final FormulaCompiler compiler = TestScopes.compiler();

    static final Set<String> REQUIRED = Set.of("IF", "AND", "OR", "NOT", "ISBLANK", "IFNULL", "ROUND", "ABS", "MIN",
            "MAX", "SUM", "CONCAT", "LEN", "UPPER", "LOWER", "TRIM", "CONTAINS", "TODAY", "YEAR", "MONTH",
            "DAYSSINCE", "DATEDIF", "BAND",
            // issue #4: the larger library
            "IFS", "SWITCH", "XOR", "COALESCE", "CHOOSE", "COUNTTRUE", "BETWEEN", "ROUNDUP", "ROUNDDOWN", "FLOOR",
            "CEILING", "INT", "SIGN", "MOD", "QUOTIENT", "AVERAGE", "MEDIAN", "PRODUCT", "POWER", "SQRT", "EXP", "LN",
            "LOG10", "LOG", "LEFT", "RIGHT", "MID", "STARTSWITH", "ENDSWITH", "REPLACE", "TEXT", "FIND", "REPT",
            "VALUE", "TEXTJOIN", "LPAD", "RPAD", "NOW", "DATE", "DATEVALUE", "DAY", "WEEKDAY", "WEEKNUM", "QUARTER",
            "HOUR", "MINUTE", "SECOND", "DAYSUNTIL", "DATEADD", "WORKDAY", "NETWORKDAYS", "EOMONTH", "NORMALIZE",
            "CLAMP", "WEIGHTEDAVG", "BANDSCORE", "IN", "ANY", "ALL");

    static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("IF(vip, 1, 2)", n("1")),
                Arguments.of("IF(note == \"x\", 1, 2)", n("2")),
                Arguments.of("if(null, 1, 2)", n("2")),
                Arguments.of("IF(vip, null, \"b\")", null),
                Arguments.of("AND(vip, score > 80, true)", true),
                Arguments.of("AND(vip, null)", false),
                Arguments.of("OR(false, null, score > 80)", true),
                Arguments.of("OR(false, null)", false),
                Arguments.of("NOT(vip)", false),
                Arguments.of("NOT(null)", true),
                Arguments.of("ISBLANK(note)", true),
                Arguments.of("ISBLANK(\"  \")", true),
                Arguments.of("ISBLANK(name)", false),
                Arguments.of("ISBLANK(amount)", false),
                Arguments.of("IFNULL(note, \"none\")", "none"),
                Arguments.of("IFNULL(name, \"none\")", "Alice"),
                Arguments.of("ROUND(2.345, 2)", n("2.35")),
                Arguments.of("ROUND(-2.5)", n("-3")),
                Arguments.of("ROUND(1234, -2)", n("1200")),
                Arguments.of("ROUND(1.23456, 99)", n("1.23456")),
                Arguments.of("ROUND(1.5, null)", null),
                Arguments.of("ABS(-3.5)", n("3.5")),
                Arguments.of("ABS(null)", null),
                Arguments.of("MIN(3, 1, 2)", n("1")),
                Arguments.of("MAX(3, null, 7)", n("7")),
                Arguments.of("MIN(null, null)", null),
                Arguments.of("MAX(lastFollowUp, closedOn)", LocalDate.of(2024, 6, 10)),
                Arguments.of("SUM(1, 2, 3.5)", n("6.5")),
                Arguments.of("SUM(note == null ? null : 1, 2)", n("2")),
                Arguments.of("SUM(null)", n("0")),
                Arguments.of("CONCAT(name, \"-\", visits, \"-\", note, vip)", "Alice-12-true"),
                Arguments.of("CONCAT(lastFollowUp)", "2024-05-01"),
                Arguments.of("LEN(name)", n("5")),
                Arguments.of("LEN(客户等级)", n("2")),
                Arguments.of("LEN(note)", n("0")),
                Arguments.of("UPPER(name)", "ALICE"),
                Arguments.of("LOWER(name)", "alice"),
                Arguments.of("LOWER(note)", null),
                Arguments.of("TRIM(\"  a b  \")", "a b"),
                Arguments.of("CONTAINS(name, \"lic\")", true),
                Arguments.of("CONTAINS(name, \"LIC\")", false),
                Arguments.of("CONTAINS(note, \"x\")", false),
                Arguments.of("TODAY()", TestScopes.TODAY),
                Arguments.of("YEAR(lastFollowUp)", n("2024")),
                Arguments.of("MONTH(lastFollowUp)", n("5")),
                Arguments.of("MONTH(signedAt)", n("6")),
                Arguments.of("YEAR(null)", null),
                Arguments.of("DAYSSINCE(lastFollowUp)", n("45")),
                Arguments.of("DAYSSINCE(signedAt)", n("14")),
                Arguments.of("daysSince(TODAY() + 3)", n("-3")),
                Arguments.of("DAYSSINCE(null)", null),
                Arguments.of("DATEDIF(lastFollowUp, closedOn)", n("40")),
                Arguments.of("DATEDIF(lastFollowUp, closedOn, \"D\")", n("40")),
                Arguments.of("DATEDIF(lastFollowUp, closedOn, \"m\")", n("1")),
                Arguments.of("DATEDIF(lastFollowUp, TODAY() + 800, \"Y\")", n("2")),
                Arguments.of("DATEDIF(closedOn, lastFollowUp)", n("-40")),
                Arguments.of("DATEDIF(closedOn, lastFollowUp, \"W\")", null),
                Arguments.of("BAND(5, \"10,20,30\", \"1,2,3,4\")", "1"),
                Arguments.of("BAND(10, \"10,20,30\", \"1,2,3,4\")", "2"),
                Arguments.of("BAND(29.99, \"10, 20, 30\", \"1, 2, 3, 4\")", "3"),
                Arguments.of("BAND(30, \"10,20,30\", \"1,2,3,4\")", "4"),
                Arguments.of("BAND(score, \"60,80\", \"C,B,A\")", "A"),
                Arguments.of("BAND(amount, \"10,20\", \"a,b\")", null),
                Arguments.of("BAND(amount, \"20,10\", \"a,b,c\")", null),
                Arguments.of("BAND(amount, \"x\", \"a,b\")", null),
                Arguments.of("BAND(null, \"1\", \"a,b\")", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void functionGivesExpectedValue(String formula, Object expected) {
        CompiledFormula f = compiler.compile(formula, TestScopes.SCOPE);
        Object actual = f.evaluate(TestScopes.sampleValues());
        if (expected instanceof BigDecimal e) {
            assertEquals(0, e.compareTo(assertInstanceOf(BigDecimal.class, actual, formula)), formula + " → " + actual);
        } else {
            assertEquals(expected, actual, formula);
        }
    }

    static Stream<String> badCalls() {
        return Stream.of("IF(vip, 1)", "IF(1, 2, 3)", "IF(vip, 1, \"x\")", "AND()", "AND(1)", "OR(vip, \"x\")",
                "NOT()", "NOT(1)", "ISBLANK()", "ISBLANK(1, 2)", "IFNULL(1)", "IFNULL(1, \"x\")", "ROUND()",
                "ROUND(\"x\")", "ROUND(1, \"x\")", "ABS(name)", "MIN()", "MIN(1, lastFollowUp)", "MAX(name)",
                "MAX(vip)", "SUM(name)", "SUM()", "CONCAT()", "LEN(1)", "LEN()", "UPPER(1)", "LOWER(vip)",
                "TRIM(1, 2)", "CONTAINS(name)", "CONTAINS(name, 1)", "TODAY(1)", "YEAR(1)", "MONTH(name)",
                "DAYSSINCE(1)", "DAYSSINCE()", "DATEDIF(lastFollowUp)", "DATEDIF(lastFollowUp, 1)",
                "DATEDIF(lastFollowUp, closedOn, 1)", "BAND(1, 2, 3)", "BAND(\"x\", \"1\", \"a,b\")", "BAND(1)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void wrongArgumentsAreRejectedWithAReasonInBothLanguages(String formula) {
        FormulaException e = assertThrows(FormulaException.class, () -> compiler.compile(formula, TestScopes.SCOPE));
        assertEquals("formula.function-arguments", e.code());
        assertTrue(e.line() == 1 && e.column() >= 1);
        assertNotEquals(e.message(Locale.ENGLISH), e.message(Locale.SIMPLIFIED_CHINESE));
        assertTrue(e.message(Locale.SIMPLIFIED_CHINESE).contains("用法"), e.message(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void allRequiredFunctionsAreRegisteredWithTexts() {
        FunctionRegistry registry = TestScopes.registry();
        Set<String> names = new HashSet<>();
        for (FormulaFunction f : registry.all()) {
            names.add(f.name());
            assertEquals(f.name().toUpperCase(Locale.ROOT), f.name());
            assertTrue(f.signature().startsWith(f.name() + "("), f.signature());
            String en = f.description(Locale.ENGLISH);
            String zh = f.description(Locale.SIMPLIFIED_CHINESE);
            assertFalse(en.isBlank());
            assertFalse(zh.isBlank());
            assertNotEquals(en, zh);
            assertFalse(f.examples().isEmpty(), f.name());
            for (String example : f.examples()) {
                // every example must compile in the fixture scope or differ only by field names
                try {
                    compiler.compile(example, TestScopes.SCOPE);
                } catch (FormulaException e) {
                    assertEquals("formula.unknown-field", e.code(), f.name() + " example " + example + ": " + e.getMessage());
                }
            }
            assertTrue(registry.find(f.name().toLowerCase(Locale.ROOT)).isPresent());
            assertTrue(f.getClass().isAnnotationPresent(jakarta.enterprise.context.ApplicationScoped.class), f.name());
        }
        assertTrue(names.containsAll(REQUIRED), "missing: " + REQUIRED.stream().filter(r -> !names.contains(r)).toList());
    }

    @Test
    void registryRejectsDuplicatesAndBadNames() {
        assertThrows(IllegalStateException.class,
                () -> new FunctionRegistry(List.of(new AbsFunction(), new AbsFunction())));
        FormulaFunction lower = new AbsFunction() {
            @Override
            public String name() {
                return "abs2";
            }
        };
        assertThrows(IllegalStateException.class, () -> new FunctionRegistry(List.of(lower)));
        FormulaFunction reserved = new AbsFunction() {
            @Override
            public String name() {
                return "NEW";
            }
        };
        assertThrows(IllegalStateException.class, () -> new FunctionRegistry(List.of(reserved)));
    }

    @Test
    void textResultsAreCapped() {
        String chunk = "x".repeat(3000);
        Map<Long, Object> v = Map.of(TestScopes.NAME.fieldId(), chunk);
        CompiledFormula concat = compiler.compile("CONCAT(name, name, name, name)", TestScopes.SCOPE);
        FormulaEvaluationException e = assertThrows(FormulaEvaluationException.class, () -> concat.evaluate(v));
        assertEquals("formula.eval.text-too-long", e.code());
        CompiledFormula plus = compiler.compile("name + name + name + name", TestScopes.SCOPE);
        assertEquals("formula.eval.text-too-long",
                assertThrows(FormulaEvaluationException.class, () -> plus.evaluate(v)).code());
        assertEquals(9000, ((String) compiler.compile("name + name + name", TestScopes.SCOPE).evaluate(v)).length());
        assertTrue(e.message(Locale.SIMPLIFIED_CHINESE).contains("10000"));
    }

    @Test
    void roundAndBandStayBoundedOnExtremeInputs() {
        assertEquals(0, n("1e20").compareTo((BigDecimal) compiler.compile("ROUND(1e20, -9999)", TestScopes.SCOPE)
                .evaluate(Map.of())));
        String bounds = "1," .repeat(200) + "1";
        assertEquals(null, compiler.compile("BAND(1, \"" + bounds + "\", \"a\")", TestScopes.SCOPE).evaluate(Map.of()));
        assertEquals(ValueType.TEXT, compiler.compile("BAND(1, \"1\", \"a,b\")", TestScopes.SCOPE).type());
    }
}
