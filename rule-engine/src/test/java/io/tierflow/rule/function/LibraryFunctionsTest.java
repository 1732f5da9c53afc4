package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
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
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.FunctionRegistry;
import io.tierflow.rule.formula.TestScopes;
import io.tierflow.rule.formula.ValueType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The functions of the larger library (issue #4), by group: results on the fixture record (TestScopes: amount 1000,
 * visits 12, score 85.5, name "Alice", note null, lastFollowUp 2024-05-01, closedOn 2024-06-10, signedAt
 * 2024-06-01T00:00Z, closedAt 2024-06-02T12:00Z, today Saturday 2024-06-15 in UTC), nulls, edges, argument checks
 * and bounds. That SQL gives the same results is SqlMatchesMvelTest's job.
 */
class LibraryFunctionsTest {
    private final FormulaCompiler compiler = TestScopes.compiler();

    static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static Arguments c(String formula, Object expected) {
        return Arguments.of(formula, expected);
    }

    static Stream<Arguments> logic() {
        return Stream.of(
                c("IFS(score >= 90, \"A\", score >= 80, \"B\", \"C\")", "B"),
                c("IFS(false, 1, null, 2)", null),
                c("IFS(vip, 1)", n("1")),
                c("IFS(note == \"x\", 1, 0)", n("0")),
                c("SWITCH(name, \"Bob\", 1, \"Alice\", 2, 0)", n("2")),
                c("switch(name, \"Bob\", 1)", null),
                c("SWITCH(note, null, 1, 2)", n("2")),
                c("SWITCH(visits, 12.0, \"twelve\", \"other\")", "twelve"),
                c("SWITCH(signedAt, closedAt, 1, signedAt, 2)", n("2")),
                c("XOR(true, false)", true),
                c("XOR(true, true)", false),
                c("XOR(true, true, true)", true),
                c("XOR(null)", false),
                c("COALESCE(note, null, \"x\")", "x"),
                c("COALESCE(null, null)", null),
                c("COALESCE(amount, 0)", n("1000")),
                c("CHOOSE(2, \"a\", \"b\", \"c\")", "b"),
                c("CHOOSE(2.9, \"a\", \"b\", \"c\")", "b"),
                c("CHOOSE(0, \"a\")", null),
                c("CHOOSE(3, \"a\", \"b\")", null),
                c("CHOOSE(1e999, \"a\", \"b\")", null),
                c("CHOOSE(null, \"a\")", null),
                c("COUNTTRUE(vip, score > 90, null, true)", n("2")),
                c("BETWEEN(score, 80, 90)", true),
                c("BETWEEN(score, 90, 80)", false),
                c("BETWEEN(null, 1, 2)", false),
                c("BETWEEN(score, null, 90)", false),
                c("BETWEEN(name, \"A\", \"B\")", true),
                c("BETWEEN(lastFollowUp, lastFollowUp, closedOn)", true));
    }

    static Stream<Arguments> math() {
        return Stream.of(
                c("ROUNDUP(2.341, 2)", n("2.35")),
                c("ROUNDUP(-2.341, 2)", n("-2.35")),
                c("ROUNDUP(1234, -2)", n("1300")),
                c("ROUNDUP(2.1)", n("3")),
                c("ROUNDUP(2, null)", null),
                c("ROUNDUP(1.5, 99)", n("1.5")),
                c("ROUNDDOWN(2.349, 2)", n("2.34")),
                c("ROUNDDOWN(-2.9)", n("-2")),
                c("FLOOR(-2.5)", n("-3")),
                c("FLOOR(2.57, 1)", n("2.5")),
                c("FLOOR(-2.51, 1)", n("-2.6")),
                c("CEILING(-2.5)", n("-2")),
                c("CEILING(2.01)", n("3")),
                c("CEILING(2.01, 1)", n("2.1")),
                c("INT(-2.5)", n("-3")),
                c("INT(2.9)", n("2")),
                c("SIGN(-3)", n("-1")),
                c("SIGN(0)", n("0")),
                c("SIGN(null)", null),
                c("MOD(-7, 2)", n("1")),
                c("MOD(7, -2)", n("-1")),
                c("MOD(7, 0)", null),
                c("MOD(7.5, 2)", n("1.5")),
                c("QUOTIENT(-7, 2)", n("-3")),
                c("QUOTIENT(1, 0)", null),
                c("QUOTIENT(1234567890123456, 0.0000011)", null),
                c("AVERAGE(1, null, 2)", n("1.5")),
                c("AVERAGE(null)", null),
                c("AVERAGE(1, 2, 2)", n("1.666666666666667")),
                c("MEDIAN(3, 1, 2)", n("2")),
                c("MEDIAN(4, 1, 3, 2)", n("2.5")),
                c("MEDIAN(null)", null),
                c("PRODUCT(2, null, 3)", n("6")),
                c("PRODUCT(null)", null),
                c("PRODUCT(1e600, 1e600)", null),
                c("POWER(2, 10)", n("1024")),
                c("POWER(4, 0.5)", n("2")),
                c("POWER(-2, 3)", n("-8")),
                c("POWER(-2, 2)", n("4")),
                c("POWER(-8, 1 / 3)", null),
                c("POWER(0, 0)", n("1")),
                c("POWER(0, -1)", null),
                c("POWER(0, 2)", n("0")),
                c("POWER(10, 1000)", null),
                c("POWER(10, -1000)", n("0")),
                c("POWER(2, 0.5)", n("1.414213562373095")),
                c("POWER(1.05, 10)", n("1.628894626777441")),  // exactly 1.62889462677744140625
                c("POWER(46416548025, 1.5)", n("10000213189246120")),  // exactly ...246125: the tie goes to even
                c("POWER(1.1, 1e999)", null),
                c("POWER(0.5, 1e999)", n("0")),
                c("SQRT(2)", n("1.414213562373095")),
                c("SQRT(-1)", null),
                c("SQRT(0)", n("0")),
                c("SQRT(1e-998)", n("1e-499")),
                c("EXP(1)", n("2.718281828459045")),
                c("EXP(0)", n("1")),
                c("EXP(3000)", null),
                c("EXP(-3000)", n("0")),
                c("LN(1)", n("0")),
                c("LN(0)", null),
                c("LN(EXP(1))", n("0.9999999999999999")),  // EXP(1) is 2.718281828459045, a little below e
                c("LN(10)", n("2.302585092994046")),
                c("LOG10(1000)", n("3")),
                c("LOG10(0.001)", n("-3")),
                c("LOG10(-1)", null),
                c("LOG(8, 2)", n("3")),
                c("LOG(100)", n("2")),
                c("LOG(5, 1)", null),
                c("LOG(5, null)", null));
    }

    static Stream<Arguments> text() {
        return Stream.of(
                c("LEFT(name, 2)", "Al"),
                c("LEFT(name)", "A"),
                c("LEFT(\"a😀b\", 2)", "a😀"),
                c("LEFT(name, -1)", ""),
                c("LEFT(name, 1e20)", "Alice"),
                c("LEFT(note, 2)", null),
                c("LEFT(name, null)", null),
                c("RIGHT(name, 3)", "ice"),
                c("RIGHT(\"a😀\", 1)", "😀"),
                c("RIGHT(name, 99)", "Alice"),
                c("MID(name, 2, 3)", "lic"),
                c("MID(name, 0, 2)", "Al"),
                c("MID(name, 9, 2)", ""),
                c("MID(\"中文客户\", 2, 2)", "文客"),
                c("MID(name, 2, null)", null),
                c("STARTSWITH(name, \"Al\")", true),
                c("STARTSWITH(name, \"al\")", false),
                c("STARTSWITH(name, \"\")", true),
                c("STARTSWITH(note, \"\")", false),
                c("ENDSWITH(name, \"ce\")", true),
                c("ENDSWITH(name, null)", false),
                c("REPLACE(name, \"l\", \"L\")", "ALice"),
                c("REPLACE(\"a-b-c\", \"-\", \"\")", "abc"),
                c("REPLACE(\"a.b\", \".\", \"*\")", "a*b"),
                c("REPLACE(name, \"\", \"x\")", "Alice"),
                c("REPLACE(name, \"i\", null)", "Alce"),
                c("REPLACE(\"aaa\", \"aa\", \"b\")", "ba"),
                c("REPLACE(note, \"a\", \"b\")", null),
                c("FIND(\"c\", name)", n("4")),
                c("FIND(\"x\", name)", n("0")),
                c("FIND(\"\", name)", n("1")),
                c("FIND(\"l\", \"hello\", 4)", n("4")),
                c("FIND(\"b\", \"a😀b\")", n("3")),
                c("FIND(\"a\", name, 10)", n("0")),
                c("FIND(\"a\", note)", null),
                c("REPT(\"ab\", 3)", "ababab"),
                c("REPT(\"ab\", 0)", ""),
                c("REPT(\"ab\", -1)", ""),
                c("REPT(note, 2)", null),
                c("VALUE(\" 12.5 \")", n("12.5")),
                c("VALUE(\"abc\")", null),
                c("VALUE(\"1e3\")", n("1000")),
                c("VALUE(\"1,234\")", null),
                c("VALUE(\"12345678901234567\")", n("12345678901234570")),
                c("VALUE(note)", null),
                c("TEXTJOIN(\"、\", \"a\", null, \"\", 1, vip)", "a、1、true"),
                c("TEXTJOIN(null, \"a\", \"b\")", "ab"),
                c("LPAD(\"7\", 3, \"0\")", "007"),
                c("LPAD(name, 3, \"0\")", "Alice"),
                c("LPAD(\"7\", 4)", "   7"),
                c("LPAD(\"7\", 4, \"ab\")", "aba7"),
                c("LPAD(\"7\", 3, \"\")", "7"),
                c("LPAD(note, 3)", null),
                c("RPAD(\"ab\", 4, \"*\")", "ab**"),
                c("RPAD(\"中\", 3, \"😀\")", "中😀😀"),
                c("TEXT(amount)", "1000"),
                c("TEXT(amount, \"#,##0.00\")", "1,000.00"),
                c("TEXT(1234567.891, \"#,##0.00\")", "1,234,567.89"),
                c("TEXT(-0.125, \"0.00\")", "-0.13"),
                c("TEXT(-0.001, \"0.00\")", "0.00"),
                c("TEXT(0.1234, \"0.0%\")", "12.3%"),
                c("TEXT(2.5, \"0\")", "3"),
                c("TEXT(lastFollowUp, \"yyyy年M月d日\")", "2024年5月1日"),
                c("TEXT(signedAt, \"yyyy-MM-dd HH:mm\")", "2024-06-01 00:00"),
                c("TEXT(closedAt, \"HH:mm:ss\")", "12:00:00"),
                c("TEXT(lastFollowUp, \"YY/DD\")", "24/01"),
                c("TEXT(amount, \"yyyy\")", null),
                c("TEXT(lastFollowUp, \"0.00\")", null),
                c("TEXT(lastFollowUp, \"yyyy-MMM\")", null),
                c("TEXT(note)", ""),
                c("TEXT(null, \"0\")", ""),
                c("TEXT(vip)", "true"));
    }

    static Stream<Arguments> dates() {
        return Stream.of(
                c("DATE(2024, 13, 1)", d("2025-01-01")),
                c("DATE(2024, 3, 0)", d("2024-02-29")),
                c("DATE(2024, 0, 1)", d("2023-12-01")),
                c("DATE(2024.9, 1.9, 1.9)", d("2024-01-01")),
                c("DATE(10000, 1, 1)", null),
                c("DATE(9999, 12, 32)", null),
                c("DATE(1, 1, 0)", null),
                c("DATE(2024, 2, null)", null),
                c("DATEVALUE(\"2024年6月1日\")", d("2024-06-01")),
                c("DATEVALUE(\" 2024/6/1 \")", d("2024-06-01")),
                c("DATEVALUE(\"2024.06.01\")", d("2024-06-01")),
                c("DATEVALUE(\"2023-02-29\")", null),
                c("DATEVALUE(\"2024-06/01\")", null),
                c("DATEVALUE(\"0000-01-01\")", null),
                c("DATEVALUE(\"x\")", null),
                c("DATEVALUE(signedAt)", d("2024-06-01")),
                c("DATEVALUE(lastFollowUp)", d("2024-05-01")),
                c("DAY(lastFollowUp)", n("1")),
                c("QUARTER(closedOn)", n("2")),
                c("WEEKDAY(TODAY())", n("6")),
                c("WEEKDAY(lastFollowUp)", n("3")),
                c("HOUR(closedAt)", n("12")),
                c("MINUTE(closedAt)", n("0")),
                c("SECOND(closedAt)", n("0")),
                c("HOUR(lastFollowUp)", n("0")),
                c("HOUR(null)", null),
                c("WEEKNUM(DATE(2024, 12, 30))", n("1")),
                c("WEEKNUM(DATE(2024, 1, 1), 1)", n("1")),
                c("WEEKNUM(DATE(2024, 1, 7), 1)", n("2")),
                c("WEEKNUM(DATE(2024, 1, 7), 2)", n("1")),
                c("WEEKNUM(TODAY(), 3)", null),
                c("DAYSUNTIL(closedOn)", n("-5")),
                c("DAYSUNTIL(TODAY() + 10)", n("10")),
                c("DAYSUNTIL(null)", null),
                c("DATEADD(DATE(2024, 1, 31), 1, \"M\")", d("2024-02-29")),
                c("DATEADD(lastFollowUp, -1, \"y\")", d("2023-05-01")),
                c("DATEADD(lastFollowUp, 2, \" W \")", d("2024-05-15")),
                c("DATEADD(lastFollowUp, 1, \"Q\")", d("2024-08-01")),
                c("DATEADD(lastFollowUp, 1.9, \"D\")", d("2024-05-02")),
                c("DATEADD(lastFollowUp, 1, \"H\")", null),
                c("DATEADD(lastFollowUp, 1, \"x\")", null),
                c("DATEADD(lastFollowUp, 1, \"mı\")", null),
                c("DATEADD(lastFollowUp, 1e9, \"D\")", null),
                c("DATEADD(lastFollowUp, 8000, \"Y\")", null),
                c("DATEADD(signedAt, 2, \"H\")", OffsetDateTime.parse("2024-06-01T02:00Z")),
                c("DATEADD(signedAt, -90, \"MI\")", OffsetDateTime.parse("2024-05-31T22:30Z")),
                c("DATEADD(signedAt, 1, \"M\")", OffsetDateTime.parse("2024-07-01T00:00Z")),
                c("DATEADD(signedAt, 1e12, \"S\")", null),
                c("WORKDAY(TODAY(), 1)", d("2024-06-17")),
                c("WORKDAY(DATE(2024, 6, 14), 1)", d("2024-06-17")),
                c("WORKDAY(DATE(2024, 6, 17), -1)", d("2024-06-14")),
                c("WORKDAY(DATE(2024, 6, 12), 5)", d("2024-06-19")),
                c("WORKDAY(DATE(2024, 6, 16), -1)", d("2024-06-14")),
                c("WORKDAY(TODAY(), 0)", d("2024-06-15")),
                c("WORKDAY(TODAY(), 1e7)", null),
                c("NETWORKDAYS(DATE(2024, 6, 1), DATE(2024, 6, 30))", n("20")),
                c("NETWORKDAYS(DATE(2024, 6, 14), DATE(2024, 6, 14))", n("1")),
                c("NETWORKDAYS(DATE(2024, 6, 30), DATE(2024, 6, 1))", n("-20")),
                c("NETWORKDAYS(TODAY(), TODAY())", n("0")),
                c("EOMONTH(DATE(2024, 1, 15), 1)", d("2024-02-29")),
                c("EOMONTH(lastFollowUp)", d("2024-05-31")),
                c("EOMONTH(lastFollowUp, -5)", d("2023-12-31")),
                c("EOMONTH(DATE(9999, 12, 1), 1)", null));
    }

    static Stream<Arguments> scoringAndLists() {
        return Stream.of(
                c("NORMALIZE(5, 0, 10)", n("0.5")),
                c("NORMALIZE(15, 0, 10)", n("1")),
                c("NORMALIZE(-1, 0, 10)", n("0")),
                c("NORMALIZE(30, 90, 0)", n("0.6666666666666667")),
                c("NORMALIZE(5, 0, 10, 0, 100)", n("50")),
                c("NORMALIZE(5, 0, 10, 1, 5)", n("3")),
                c("NORMALIZE(5, 1, 1)", null),
                c("NORMALIZE(null, 0, 1)", null),
                c("NORMALIZE(5, 0, 10, null, 5)", null),
                c("CLAMP(120, 0, 100)", n("100")),
                c("CLAMP(-5, 0, null)", n("0")),
                c("CLAMP(50, null, null)", n("50")),
                c("CLAMP(5, 10, 0)", null),
                c("WEIGHTEDAVG(80, 2, 60, 1)", n("73.33333333333333")),
                c("WEIGHTEDAVG(80, 1, null, 5)", n("80")),
                c("WEIGHTEDAVG(1, 0)", null),
                c("WEIGHTEDAVG(80, -1, 60, 1)", null),
                c("BANDSCORE(45, \"30,90,180\", \"5,3,2,1\")", n("3")),
                c("BANDSCORE(200, \"30,90,180\", \"5,3,2,1\")", n("1")),
                c("BANDSCORE(10, \"30\", \"a,b\")", null),
                c("BANDSCORE(null, \"1\", \"1,2\")", null),
                c("IN(name, \"Bob\", \"Alice\")", true),
                c("in(name, \"alice\")", false),
                c("IN(note, null)", false),
                c("IN(visits, 1, 12.0)", true),
                c("IN(lastFollowUp, closedOn)", false),
                c("ANY(\"a, b,c\", \"x\", \" b\")", true),
                c("ANY(\"a,b\", \"x\")", false),
                c("ANY(note, \"a\")", false),
                c("ANY(\"a,b\", null, \"b\")", true),
                c("ANY(\"\", \"\")", true),
                c("ALL(\"a,b,c\", \"a\", \"c\")", true),
                c("ALL(\"a,b\", \"a\", \"x\")", false),
                c("ALL(\"a\", null)", true),
                c("ALL(note, \"a\")", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"logic", "math", "text", "dates", "scoringAndLists"})
    void functionGivesExpectedValue(String formula, Object expected) {
        CompiledFormula f = compiler.compile(formula, TestScopes.SCOPE);
        Object actual = f.evaluate(TestScopes.sampleValues());
        if (expected instanceof BigDecimal e) {
            assertEquals(0, e.compareTo(assertInstanceOf(BigDecimal.class, actual, formula)), formula + " → " + actual);
        } else if (expected instanceof OffsetDateTime e) {
            assertEquals(e.toInstant(), assertInstanceOf(OffsetDateTime.class, actual, formula).toInstant(), formula);
        } else {
            assertEquals(expected, actual, formula);
        }
    }

    static Stream<String> badCalls() {
        return Stream.of("IFS(vip)", "IFS(1, 2)", "IFS(vip, 1, vip, \"x\")", "IFS(vip, 1, \"x\")", "SWITCH(1, 2)",
                "SWITCH(1, \"a\", 2)", "SWITCH(1, 2, 3, \"x\")", "XOR(1)", "XOR()", "COALESCE(1, \"x\")",
                "CHOOSE(\"x\", 1)", "CHOOSE(1)", "CHOOSE(1, 2, \"a\")", "COUNTTRUE(1)", "BETWEEN(1, 2)",
                "BETWEEN(vip, true, false)", "BETWEEN(1, \"a\", 2)", "ROUNDUP()", "ROUNDUP(\"x\")", "FLOOR(1, 2, 3)",
                "CEILING(name)", "ROUNDDOWN(1, vip)", "INT(name)", "SIGN()", "MOD(1)", "QUOTIENT(name, 1)",
                "AVERAGE()", "MEDIAN(name)", "PRODUCT(vip)", "POWER(2)", "SQRT(name)", "EXP()", "LN(1, 2)",
                "LOG10(name)", "LOG(1, 2, 3)", "LEFT(1)", "LEFT(name, \"x\")", "RIGHT()", "MID(name, 1)",
                "STARTSWITH(name, 1)", "ENDSWITH(name)", "REPLACE(name, \"a\")", "FIND(1, name)", "FIND(\"a\")",
                "REPT(name)", "VALUE(1)", "TEXTJOIN(\",\")", "TEXTJOIN(1, name)", "LPAD(name)", "RPAD(name, \"x\")",
                "LPAD(name, 3, 0)", "TEXT(name, \"0\")", "TEXT(vip, \"0\")", "TEXT(amount, 0)", "TEXT()", "NOW(1)",
                "DATE(2024, 1)", "DATE(\"2024\", 1, 1)", "DATEVALUE(1)", "DAY(1)", "QUARTER(name)", "WEEKDAY(name)",
                "HOUR(1)", "MINUTE()", "SECOND(vip)", "WEEKNUM(name)", "WEEKNUM(lastFollowUp, \"1\")", "DAYSUNTIL()",
                "DATEADD(lastFollowUp, 1)", "DATEADD(lastFollowUp, \"1\", \"D\")", "DATEADD(name, 1, \"D\")",
                "DATEADD(lastFollowUp, 1, 1)", "WORKDAY(lastFollowUp)", "NETWORKDAYS(lastFollowUp, 1)", "EOMONTH(1)",
                "NORMALIZE(1, 2)", "NORMALIZE(1, 2, 3, 4)", "NORMALIZE(1, 2, \"3\")", "CLAMP(1, 2)",
                "WEIGHTEDAVG(1)", "WEIGHTEDAVG(1, 2, 3)", "WEIGHTEDAVG(1, name)", "BANDSCORE(1, 2, 3)", "IN(1)",
                "IN(1, \"a\")", "ANY(\"a\")", "ANY(\"a\", 1)", "ALL(1, \"a\")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void wrongArgumentsAreRejectedWithAReasonInBothLanguages(String formula) {
        FormulaException e = assertThrows(FormulaException.class, () -> compiler.compile(formula, TestScopes.SCOPE));
        assertEquals("formula.function-arguments", e.code(), e.getMessage());
        assertTrue(e.line() == 1 && e.column() >= 1);
        assertNotEquals(e.message(Locale.ENGLISH), e.message(Locale.SIMPLIFIED_CHINESE));
        assertTrue(e.message(Locale.SIMPLIFIED_CHINESE).contains("用法"), e.message(Locale.SIMPLIFIED_CHINESE));
    }

    static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    /** Every function: a group, a description in Chinese that is Chinese and one in English that is not. */
    @Test
    void everyFunctionHasAGroupAndTextsInBothLanguages() {
        FunctionRegistry registry = TestScopes.registry();
        assertTrue(registry.all().size() >= 80, "functions: " + registry.all().size());
        Map<FunctionGroup, Integer> perGroup = new HashMap<>();
        for (FormulaFunction f : registry.all()) {
            assertNotEquals(FunctionGroup.OTHER, f.group(), f.name());
            perGroup.merge(f.group(), 1, Integer::sum);
            assertTrue(CJK.matcher(f.description(Locale.SIMPLIFIED_CHINESE)).find(), f.name());
            assertTrue(CJK.matcher(f.description(Locale.forLanguageTag("zh-TW"))).find(), f.name());
            assertEquals(f.description(Locale.ENGLISH), f.description(Locale.GERMAN), "en is the fallback");
        }
        for (FunctionGroup g : List.of(FunctionGroup.LOGIC, FunctionGroup.MATH, FunctionGroup.TEXT, FunctionGroup.DATE,
                FunctionGroup.SCORING, FunctionGroup.LIST)) {
            assertTrue(perGroup.getOrDefault(g, 0) >= 3, g + ": " + perGroup);
        }
        assertEquals("数学", FunctionGroup.MATH.displayName(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Math", FunctionGroup.MATH.displayName(Locale.ENGLISH));
    }

    private Object eval(String formula, Map<Long, Object> values) {
        return compiler.compile(formula, TestScopes.SCOPE).evaluate(values);
    }

    private void assertTooLong(String formula, Map<Long, Object> values) {
        FormulaEvaluationException e = assertThrows(FormulaEvaluationException.class, () -> eval(formula, values),
                formula);
        assertEquals("formula.eval.text-too-long", e.code());
    }

    /** Texts that would pass the limit are refused before they are built, however large the counts. */
    @Test
    void textFunctionsRefuseOverlongResultsBeforeBuildingThem() {
        Map<Long, Object> none = Map.of();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertTooLong("REPT(\"ab\", 5001)", none);
            assertTooLong("REPT(\"x\", 1e20)", none);
            assertTooLong("LPAD(\"x\", 1e9, \"ab\")", none);
            assertTooLong("RPAD(\"x\", 10001)", none);
            Map<Long, Object> is = Map.of(TestScopes.NAME.fieldId(), "i".repeat(5000));
            assertTooLong("REPLACE(name, \"i\", \"xyz\")", is);
            assertTooLong("TEXTJOIN(\",\", name, name, name)", Map.of(TestScopes.NAME.fieldId(), "y".repeat(4000)));
        });
        assertEquals(10_000, ((String) eval("REPT(\"ab\", 5000)", none)).length());
        assertEquals(10_000, ((String) eval("LPAD(\"\", 10000, \"ab\")", none)).length());
        assertEquals("x", eval("LPAD(\"x\", 1e9, \"\")", none));
        assertEquals(10_000, ((String) eval("REPLACE(name, \"i\", \"xy\")",
                Map.of(TestScopes.NAME.fieldId(), "i".repeat(5000)))).length());
    }

    /** The numeric functions do the same bounded work whatever the size of their arguments. */
    @Test
    void numericFunctionsAreBoundedOnExtremeArguments() {
        String[] formulas = {"POWER(1.0000000000000001, 9.999999999999999e999)", "POWER(9.999999999999999e999, 1e-999)",
                "POWER(-1, 9.999999999999999e999)", "POWER(1e-999, -1)", "EXP(2400)", "EXP(-2400)", "LN(1e-999)",
                "LOG(9.999999999999999e999, 1.000000000000001)", "SQRT(9.999999999999999e999)",
                "ROUNDUP(9.999999999999999e999, -20)", "QUOTIENT(9.999999999999999e999, 1e-999)",
                "MOD(9.999999999999999e999, 1e-999)", "WORKDAY(DATE(9999, 12, 31), -3000000)",
                "DATEADD(TODAY(), 9.999999999999999e999, \"S\")", "DATE(1e999, 1e999, 1e999)",
                "NETWORKDAYS(DATE(1, 1, 1), DATE(9999, 12, 31))", "TEXT(9.999999999999999e999, \"#,##0.0000000000%\")"};
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 20; i++) {
                for (String f : formulas) {
                    eval(f, Map.of());
                }
            }
        });
        assertEquals(0, n("1").compareTo((BigDecimal) eval("POWER(-1, 9.999999999999999e999)", Map.of())));
        assertEquals(0, n("1e999").compareTo((BigDecimal) eval("POWER(1e-999, -1)", Map.of())));
        assertNull(eval("POWER(1e-999, -1.002)", Map.of()));
        assertEquals(0, n("2608615").compareTo(
                (BigDecimal) eval("NETWORKDAYS(DATE(1, 1, 1), DATE(9999, 12, 31))", Map.of())));
        // 1002 digits in 334 groups, the point, 10 decimals and the percent sign
        assertEquals(1002 + 333 + 1 + 10 + 1, ((String) eval("TEXT(9.999999999999999e999, \"#,##0.0000000000%\")",
                Map.of())).length());
        assertEquals(ValueType.DATETIME, compiler.compile("DATEADD(signedAt, 1, \"D\")", TestScopes.SCOPE).type());
        assertEquals(ValueType.DATE, compiler.compile("DATEADD(null, 1, \"D\")", TestScopes.SCOPE).type());
    }

    /** IN and SWITCH are reserved words of MVEL, and still name functions here: the name never reaches MVEL. */
    @Test
    void reservedWordsNameFunctionsOnlyBeforeAParenthesis() {
        assertEquals(true, eval("IN(1, 1)", Map.of()));
        assertEquals("b", eval("switch(2, 1, \"a\", 2, \"b\")", Map.of()));
        assertEquals("formula.keyword",
                assertThrows(FormulaException.class, () -> compiler.compile("1 in 2", TestScopes.SCOPE)).code());
        assertEquals("formula.keyword",
                assertThrows(FormulaException.class, () -> compiler.compile("switch", TestScopes.SCOPE)).code());
        String mvel = compiler.compile("IN(name, \"a\") || SWITCH(visits, 1, vip, false)", TestScopes.SCOPE)
                .mvelSource();
        assertTrue(!mvel.toLowerCase(Locale.ROOT).contains("switch") && !mvel.contains(" in "), mvel);
        // a registry without them rejects the words as before
        FormulaCompiler bare = new FormulaCompiler(new FunctionRegistry(List.of(new AbsFunction())));
        assertEquals("formula.keyword",
                assertThrows(FormulaException.class, () -> bare.compile("in(1, 2)", TestScopes.SCOPE)).code());
    }
}
