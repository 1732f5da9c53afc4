package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The documented null rules: arithmetic → null, comparisons → false except ==/!=, boolean context → false, concat → "". */
class NullRulesTest {
    private final FormulaCompiler compiler = TestScopes.compiler();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("amount + 1", null),
                Arguments.of("amount * 2", null),
                Arguments.of("-amount", null),
                Arguments.of("1 / 0", null),
                Arguments.of("5 % 0", null),
                Arguments.of("visits / (visits - visits)", null),
                Arguments.of("null + 1", null),
                Arguments.of("null", null),
                Arguments.of("amount > 1", false),
                Arguments.of("amount < 1", false),
                Arguments.of("amount >= 1", false),
                Arguments.of("amount <= null", false),
                Arguments.of("amount == null", true),
                Arguments.of("amount != null", false),
                Arguments.of("null == null", true),
                Arguments.of("amount == 0", false),
                Arguments.of("amount != 0", true),
                Arguments.of("name == null", true),
                Arguments.of("name == \"\"", false),
                Arguments.of("vip && true", false),
                Arguments.of("vip || true", true),
                Arguments.of("!vip", true),
                Arguments.of("vip ? 1 : 2", new BigDecimal("2")),
                Arguments.of("null ? 1 : 2", new BigDecimal("2")),
                Arguments.of("name + \"x\"", "x"),
                Arguments.of("\"x\" + amount", "x"),
                Arguments.of("\"x\" + null + lastFollowUp", "x"),
                Arguments.of("lastFollowUp + 1", null),
                Arguments.of("closedOn - lastFollowUp", null),
                Arguments.of("lastFollowUp > closedOn", false),
                Arguments.of("signedAt - closedAt", null),
                Arguments.of("1e999 * 10", null),
                Arguments.of("1e-999 / 10", BigDecimal.ZERO),
                Arguments.of("IFNULL(amount, 0) + 1", BigDecimal.ONE),
                Arguments.of("SUM(amount, 1)", BigDecimal.ONE),
                Arguments.of("ROUND(amount, 2)", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nullValuesFollowTheDocumentedRules(String formula, Object expected) {
        Map<Long, Object> allNull = new HashMap<>();
        for (FieldRef f : TestScopes.SCOPE.fields()) {
            allNull.put(f.fieldId(), null);
        }
        CompiledFormula f = compiler.compile(formula, TestScopes.SCOPE);
        Object actual = f.evaluate(allNull);
        if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
            assertEquals(0, e.compareTo(a), formula);
        } else {
            assertEquals(expected, actual, formula + " → " + f.mvelSource());
        }
        // missing keys behave like explicit nulls
        Object missing = f.evaluate(Map.of());
        assertEquals(String.valueOf(actual), String.valueOf(missing), formula);
    }
}
