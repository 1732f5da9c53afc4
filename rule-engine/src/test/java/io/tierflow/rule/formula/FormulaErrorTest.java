package io.tierflow.rule.formula;

import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rejected formulas give the right code, line, column and a zh and en message. */
class FormulaErrorTest {
    private final FormulaCompiler compiler = TestScopes.compiler();

    static Stream<Arguments> cases() {
        return Stream.of(
                // formula, code, line, column
                Arguments.of("customer.getClass()", "formula.member-access", 1, 9),
                Arguments.of("customer + 1", "formula.unknown-field", 1, 1),
                Arguments.of("name.length()", "formula.member-access", 1, 5),
                Arguments.of("\"\".getClass()", "formula.member-access", 1, 3),
                Arguments.of("1.5.x", "formula.member-access", 1, 4),
                Arguments.of("amount．x", "formula.member-access", 1, 7),
                Arguments.of("\"\".class", "formula.member-access", 1, 3),
                Arguments.of("new Object()", "formula.keyword", 1, 1),
                Arguments.of("import java", "formula.keyword", 1, 1),
                Arguments.of("def f", "formula.keyword", 1, 1),
                Arguments.of("function f", "formula.keyword", 1, 1),
                Arguments.of("with (x)", "formula.keyword", 1, 1),
                Arguments.of("foreach (x)", "formula.keyword", 1, 1),
                Arguments.of("while (true)", "formula.keyword", 1, 1),
                Arguments.of("for (x)", "formula.keyword", 1, 1),
                Arguments.of("do 1", "formula.keyword", 1, 1),
                Arguments.of("until (x)", "formula.keyword", 1, 1),
                Arguments.of("if vip", "formula.keyword", 1, 1),
                Arguments.of("amount = 1", "formula.assignment", 1, 8),
                Arguments.of("amount += 1", "formula.assignment", 1, 8),
                Arguments.of("amount -= 1", "formula.assignment", 1, 8),
                Arguments.of("1; 2", "formula.statement-separator", 1, 2),
                Arguments.of("{ 1 }", "formula.block", 1, 1),
                Arguments.of("[1]", "formula.brackets", 1, 1),
                Arguments.of("@x", "formula.forbidden-character", 1, 1),
                Arguments.of("1 # 2", "formula.forbidden-character", 1, 3),
                Arguments.of("$x", "formula.forbidden-character", 1, 1),
                Arguments.of("`x`", "formula.forbidden-character", 1, 1),
                Arguments.of("String::valueOf", "formula.method-reference", 1, 7),
                Arguments.of("x -> 1", "formula.lambda", 1, 3),
                Arguments.of("1 /* c */ + 1", "formula.comment", 1, 3),
                Arguments.of("1 // c", "formula.comment", 1, 3),
                Arguments.of("2 ** 3", "formula.power-operator", 1, 3),
                Arguments.of("name ~= \"a\"", "formula.regex-operator", 1, 6),
                Arguments.of("vip & vip", "formula.unsupported-operator", 1, 5),
                Arguments.of("\"a\\u0041\"", "formula.unicode-escape", 1, 3),
                Arguments.of("\\u0041", "formula.backslash", 1, 1),
                Arguments.of("\"a\\x\"", "formula.bad-escape", 1, 3),
                Arguments.of("\"abc", "formula.unterminated-string", 1, 1),
                Arguments.of("\"a\nb\"", "formula.newline-in-string", 1, 3),
                Arguments.of("1 +\u200B 2", "formula.invisible-character", 1, 4),
                Arguments.of("1 +\n\u2060 2", "formula.invisible-character", 2, 1),
                Arguments.of("\uFEFF1", "formula.invisible-character", 1, 1),
                Arguments.of("\"\u202Eabc\"", "formula.invisible-character", 1, 2),
                Arguments.of("1 +\u0000 2", "formula.control-character", 1, 4),
                Arguments.of("1\u000B+ 2", "formula.control-character", 1, 2),
                Arguments.of("1\u3000+ 2", "formula.unicode-space", 1, 2),
                Arguments.of("（1 + 2）", "formula.fullwidth-character", 1, 1),
                Arguments.of("Ｒuntime", "formula.fullwidth-character", 1, 1),
                Arguments.of("аmount", "formula.unexpected-character", 1, 1), // Cyrillic а
                Arguments.of("", "formula.empty", 1, 1),
                Arguments.of("   ", "formula.empty", 1, 1),
                Arguments.of("nope + 1", "formula.unknown-field", 1, 1),
                Arguments.of("1 +\n  nope", "formula.unknown-field", 2, 3),
                Arguments.of("FOO(1)", "formula.unknown-function", 1, 1),
                Arguments.of("amount(1)", "formula.field-not-function", 1, 1),
                Arguments.of("1 +", "formula.expected", 1, 4),
                Arguments.of("(1 + 2", "formula.expected", 1, 7),
                Arguments.of("1 + 2)", "formula.expected", 1, 6),
                Arguments.of("1 2", "formula.expected", 1, 3),
                Arguments.of("ROUND(1 2)", "formula.expected", 1, 9),
                Arguments.of("vip ? 1", "formula.expected", 1, 8),
                Arguments.of("1 < 2 < 3", "formula.chained-comparison", 1, 7),
                Arguments.of("12abc", "formula.bad-number", 1, 1),
                Arguments.of(".5", "formula.bad-number", 1, 1),
                Arguments.of("1e", "formula.bad-number", 1, 1),
                Arguments.of("1e5000", "formula.number-out-of-range", 1, 1),
                // type errors, pointing at the operator or the offending argument
                Arguments.of("name * 2", "formula.type-binary", 1, 6),
                Arguments.of("amount - name", "formula.type-binary", 1, 8),
                Arguments.of("vip + 1", "formula.type-binary", 1, 5),
                Arguments.of("lastFollowUp + signedAt", "formula.type-binary", 1, 14),
                Arguments.of("amount > \"10\"", "formula.type-compare", 1, 8),
                Arguments.of("lastFollowUp == signedAt", "formula.type-compare", 1, 14),
                Arguments.of("vip < true", "formula.type-order", 1, 5),
                Arguments.of("amount && vip", "formula.type-condition", 1, 8),
                Arguments.of("!amount", "formula.type-unary", 1, 1),
                Arguments.of("-name", "formula.type-unary", 1, 1),
                Arguments.of("amount ? 1 : 2", "formula.type-condition", 1, 1),
                Arguments.of("vip ? 1 : \"x\"", "formula.type-branches", 1, 5),
                Arguments.of("ROUND(name)", "formula.function-arguments", 1, 7),
                Arguments.of("ROUND(1, 2, 3)", "formula.function-arguments", 1, 1),
                Arguments.of("IF(vip, 1, \"a\")", "formula.function-arguments", 1, 12),
                Arguments.of("TODAY(1)", "formula.function-arguments", 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedWithCodePositionAndMessages(String formula, String code, int line, int column) {
        FormulaException e = assertThrows(FormulaException.class, () -> compiler.compile(formula, TestScopes.SCOPE));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        String en = e.message(Locale.ENGLISH);
        String zh = e.message(Locale.SIMPLIFIED_CHINESE);
        assertTrue(en.startsWith("Line " + line + ", column " + column + ": "), en);
        assertTrue(zh.startsWith("第 " + line + " 行第 " + column + " 列："), zh);
        assertNotEquals(en, zh);
        assertFalse(en.contains("{0}") || zh.contains("{0}") || en.contains("{1}") || zh.contains("{1}"), en + zh);
        assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), zh);
        assertEquals(en, e.getMessage());
        assertTrue(Messages.has(code), code);
    }

    @Test
    void memberAccessMessageNamesTheReasonInBothLanguages() {
        FormulaException e = assertThrows(FormulaException.class,
                () -> compiler.compile("amount.getClass()", TestScopes.SCOPE));
        assertEquals("formula.member-access", e.code());
        assertEquals("Line 1, column 7: Member access ('.') is not allowed: a formula may only use fields, "
                + "operators and the listed functions. Expected an operator, ',' or ')' here.", e.getMessage());
        assertTrue(e.message(Locale.CHINA).contains("不允许成员访问"), e.message(Locale.CHINA));
        assertTrue(e.message(Locale.forLanguageTag("zh-Hans-CN")).contains("不允许成员访问"));
        assertEquals(e.getMessage(), e.message(Locale.FRENCH), "default is English");
        assertEquals(e.getMessage(), e.message(null), "null locale is English");
    }

    @Test
    void expectedAndFoundAreNamed() {
        FormulaException e = assertThrows(FormulaException.class, () -> compiler.compile("(1 + 2", TestScopes.SCOPE));
        assertEquals("Line 1, column 7: Expected ')' or an operator but found the end of the formula.", e.getMessage());
        assertEquals("第 1 行第 7 列：此处应为 “)” 或运算符，但遇到了 公式结尾。", e.message(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void typeErrorsNameTheTypesInBothLanguages() {
        FormulaException e = assertThrows(FormulaException.class, () -> compiler.compile("name * 2", TestScopes.SCOPE));
        assertEquals("Line 1, column 6: The operator '*' cannot be applied to text and number.", e.getMessage());
        assertEquals("第 1 行第 6 列：运算符 “*” 不能用于 文本 和 数字。", e.message(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void functionArgumentErrorsUseTheFunctionsOwnReasonAndUsage() {
        FormulaException e = assertThrows(FormulaException.class, () -> compiler.compile("ROUND(name)", TestScopes.SCOPE));
        assertEquals("Line 1, column 7: ROUND: argument 1 must be number but is text. Usage: ROUND(number, digits)",
                e.getMessage());
        assertTrue(e.message(Locale.SIMPLIFIED_CHINESE).contains("第 1 个参数必须是数字"), e.message(Locale.CHINESE));
    }

    @Test
    void sizeLimitIsEnforced() {
        String ok = "1" + " ".repeat(3999);
        assertEquals(ValueType.NUMBER, compiler.compile(ok, TestScopes.SCOPE).type());
        FormulaException e = assertThrows(FormulaException.class,
                () -> compiler.compile(ok + " ", TestScopes.SCOPE));
        assertEquals("formula.too-long", e.code());
        assertEquals(1, e.line());
        assertEquals(4001, e.column());
        assertTrue(e.message(Locale.CHINESE).contains("4001") && e.message(Locale.CHINESE).contains("4000"));
    }

    @Test
    void nestingDepthLimitIsEnforced() {
        String ok = "(".repeat(32) + "1" + ")".repeat(32);
        assertEquals(ValueType.NUMBER, compiler.compile(ok, TestScopes.SCOPE).type());
        String deep = "(".repeat(33) + "1" + ")".repeat(33);
        FormulaException e = assertThrows(FormulaException.class, () -> compiler.compile(deep, TestScopes.SCOPE));
        assertEquals("formula.too-deep", e.code());
        assertEquals(33, e.column());
        FormulaException calls = assertThrows(FormulaException.class,
                () -> compiler.compile("ABS(".repeat(40) + "1" + ")".repeat(40), TestScopes.SCOPE));
        assertEquals("formula.too-deep", calls.code());
        FormulaException unary = assertThrows(FormulaException.class,
                () -> compiler.compile("-".repeat(40) + "1", TestScopes.SCOPE));
        assertEquals("formula.too-deep", unary.code());
        FormulaException ternary = assertThrows(FormulaException.class,
                () -> compiler.compile("vip ? 1 : ".repeat(40) + "1", TestScopes.SCOPE));
        assertEquals("formula.too-deep", ternary.code());
    }

    @Test
    void longOperatorChainsAreBoundedAndTheLongestAllowedOneRuns() {
        String ok = "1" + " + 1".repeat(TypeChecker.MAX_TREE_DEPTH - 1);
        assertEquals(new java.math.BigDecimal(TypeChecker.MAX_TREE_DEPTH),
                compiler.compile(ok, TestScopes.SCOPE).evaluate(java.util.Map.of()));
        FormulaException e = assertThrows(FormulaException.class,
                () -> compiler.compile("1" + "+1".repeat(1999), TestScopes.SCOPE));
        assertEquals("formula.too-complex", e.code());
        assertTrue(e.line() >= 1 && e.column() >= 1);
    }

    @Test
    void tooManyArgumentsAreRejected() {
        String args = "1, ".repeat(64) + "1";
        FormulaException e = assertThrows(FormulaException.class,
                () -> compiler.compile("SUM(" + args + ")", TestScopes.SCOPE));
        assertEquals("formula.too-many-arguments", e.code());
    }

    @Test
    void nullTextIsTreatedAsEmpty() {
        FormulaException e = assertThrows(FormulaException.class, () -> compiler.compile(null, TestScopes.SCOPE));
        assertEquals("formula.empty", e.code());
    }

    @Test
    void allMessageCodesHaveBothLanguagesAndNoPlaceholderLeaksWithArgs() {
        for (String code : new String[]{"formula.eval.text-too-long", "formula.tier.not-boolean",
                "formula.tier.blank-tier", "formula.tier.too-many-rules", "formula.eval.failed"}) {
            FormulaException e = new FormulaException(code, 0, 0, 1, 2, 3);
            assertNotEquals(e.message(Locale.ENGLISH), e.message(Locale.CHINESE), code);
            assertFalse(e.message(Locale.ENGLISH).contains("{"), code);
        }
    }
}
