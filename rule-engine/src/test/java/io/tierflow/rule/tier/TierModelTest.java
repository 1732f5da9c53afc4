package io.tierflow.rule.tier;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tierflow.rule.formula.FormulaException;
import io.tierflow.rule.formula.TestScopes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** First matching rule wins, explanations list every checked rule, errors name the failing rule. */
class TierModelTest {
    private final TierModelCompiler compiler = new TierModelCompiler(TestScopes.compiler());

    private final TierModel model = new TierModel(List.of(
            new TierRule("VIP", "amount >= 10000 && vip"),
            new TierRule("Gold", "score >= 80"),
            new TierRule("流失预警", "daysSince(lastFollowUp) > 30"),
            new TierRule("Normal", "true")));

    @Test
    void firstMatchingRuleWinsAndExplanationListsCheckedRules() {
        CompiledTierModel m = compiler.compile(model, TestScopes.SCOPE);
        assertEquals(Set.of(1L, 6L, 3L, 5L), m.fieldIds());
        TierDecision d = m.evaluate(TestScopes.sampleValues());
        assertEquals("Gold", d.tier());
        assertEquals(1, d.ruleIndex());
        assertEquals(2, d.explanation().size());
        Map<String, Object> first = d.explanation().get(0);
        assertEquals("VIP", first.get("tier"));
        assertEquals("amount >= 10000 && vip", first.get("condition"));
        assertEquals(false, first.get("result"));
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) first.get("values");
        assertEquals(new BigDecimal("1000"), values.get("amount"));
        assertEquals(true, values.get("vip"));
        assertEquals(true, d.explanation().get(1).get("result"));
        assertEquals(Map.of("score", new BigDecimal("85.5")), d.explanation().get(1).get("values"));
    }

    @Test
    void nullValuesFallThroughAndNoMatchGivesNullTier() {
        CompiledTierModel m = compiler.compile(new TierModel(List.of(
                new TierRule("A", "score >= 80"), new TierRule("B", "amount > 0"))), TestScopes.SCOPE);
        Map<Long, Object> values = new HashMap<>();
        values.put(3L, null);
        TierDecision d = m.evaluate(values);
        assertNull(d.tier());
        assertEquals(-1, d.ruleIndex());
        assertEquals(2, d.explanation().size());
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) d.explanation().get(0).get("values");
        assertTrue(read.containsKey("score") && read.get("score") == null);
        assertEquals("流失预警", compiler.compile(model, TestScopes.SCOPE).evaluate(Map.of(5L,
                TestScopes.TODAY.minusDays(31))).tier());
        assertNull(compiler.compile(new TierModel(List.of()), TestScopes.SCOPE).evaluate(Map.of()).tier());
    }

    @Test
    void errorsNameTheRule() {
        TierModel bad = new TierModel(List.of(new TierRule("A", "score > 1"), new TierRule("B", "score.x")));
        FormulaException e = assertThrows(FormulaException.class, () -> compiler.compile(bad, TestScopes.SCOPE));
        assertEquals(1, e.ruleIndex());
        assertEquals("formula.member-access", e.code());
        assertEquals(6, e.column());
        assertTrue(e.getMessage().startsWith("Tier rule #2 (B): Line 1, column 6: "), e.getMessage());
        assertTrue(e.message(Locale.SIMPLIFIED_CHINESE).startsWith("第 2 条分层规则（B）：第 1 行第 6 列："));
    }

    @Test
    void conditionsMustBeBoolean() {
        FormulaException e = assertThrows(FormulaException.class, () -> compiler.compile(
                new TierModel(List.of(new TierRule("A", "score + 1"))), TestScopes.SCOPE));
        assertEquals("formula.tier.not-boolean", e.code());
        assertEquals(0, e.ruleIndex());
        assertTrue(e.message(Locale.SIMPLIFIED_CHINESE).contains("数字"), e.message(Locale.CHINESE));
        FormulaException nul = assertThrows(FormulaException.class, () -> compiler.compile(
                new TierModel(List.of(new TierRule("A", "null"))), TestScopes.SCOPE));
        assertEquals("formula.tier.not-boolean", nul.code());
    }

    @Test
    void blankTierOrConditionIsRejected() {
        FormulaException e = assertThrows(FormulaException.class, () -> compiler.compile(
                new TierModel(List.of(new TierRule("A", "true"), new TierRule(" ", "true"))), TestScopes.SCOPE));
        assertEquals("formula.tier.blank-tier", e.code());
        assertEquals(1, e.ruleIndex());
        FormulaException c = assertThrows(FormulaException.class, () -> compiler.compile(
                new TierModel(List.of(new TierRule("A", " "))), TestScopes.SCOPE));
        assertEquals("formula.tier.no-condition", c.code());
        assertEquals(0, c.ruleIndex());
    }
}
