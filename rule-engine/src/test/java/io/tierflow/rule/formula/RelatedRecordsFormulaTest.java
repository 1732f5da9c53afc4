package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer's formulas over related records: its region's fields through a ONE link ({@code region.name}) and its
 * orders through a MANY link ({@code SUM(orders.amount, orders.status == "paid")}), what each aggregate gives with
 * and without records, and the errors a builder sees when a path is wrong.
 */
class RelatedRecordsFormulaTest {
    static final FieldRef REGION = new FieldRef("region", 20, ValueType.NUMBER);
    static final FieldRef REGION_NAME = new FieldRef("name", 30, ValueType.TEXT);
    static final FieldRef ORDER_CUSTOMER = new FieldRef("customer", 40, ValueType.NUMBER);
    static final FieldRef ORDER_AMOUNT = new FieldRef("amount", 41, ValueType.NUMBER);
    static final FieldRef ORDER_STATUS = new FieldRef("status", 42, ValueType.TEXT);
    static final FieldRef ORDER_PAID_ON = new FieldRef("paid_on", 43, ValueType.DATE);

    static final Link REGION_LINK = Link.of("region", Link.Kind.ONE, FormulaScope.of(List.of(REGION_NAME)), REGION,
            "rec_3", Map.of(30L, "f_30"), false);
    static final Link ORDERS = Link.of("orders", Link.Kind.MANY,
            FormulaScope.of(List.of(ORDER_CUSTOMER, ORDER_AMOUNT, ORDER_STATUS, ORDER_PAID_ON)), ORDER_CUSTOMER, "rec_4",
            Map.of(40L, "f_40", 41L, "f_41", 42L, "f_42", 43L, "f_43"), false);
    static final FormulaScope SCOPE = FormulaScope.of(List.of(TestScopes.AMOUNT, REGION))
            .withLinks(List.of(REGION_LINK, ORDERS));

    private static final FormulaCompiler COMPILER = TestScopes.compiler();

    private static Map<Long, Object> order(String amount, String status, LocalDate paidOn) {
        java.util.HashMap<Long, Object> m = new java.util.HashMap<>();
        m.put(41L, amount == null ? null : new BigDecimal(amount));
        m.put(42L, status);
        m.put(43L, paidOn);
        return m;
    }

    /** Oldest first: paid 100 in March, an open order of 50 without amount date, paid 30 in June. */
    private static final RelatedValues CUSTOMER = new RelatedValues() {
        @Override
        public Map<Long, Object> one(String link) {
            return Map.of(30L, "华东");
        }

        @Override
        public List<Map<Long, Object>> many(String link) {
            return List.of(order("100", "paid", LocalDate.of(2024, 3, 1)), order("50", "open", null),
                    order(null, "paid", LocalDate.of(2024, 6, 1)), order("30", "paid", LocalDate.of(2024, 6, 10)));
        }
    };

    private static Object eval(String formula, RelatedValues related) {
        return COMPILER.compile(formula, SCOPE).evaluate(Map.of(TestScopes.AMOUNT.fieldId(), 10), related,
                TestScopes.compiler().registry().context());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "COUNT(orders) | 4",
            "COUNT(orders, orders.status == \"paid\") | 3",
            "SUM(orders.amount) | 180",
            "SUM(orders.amount, orders.status == \"paid\" && DAYSSINCE(orders.paid_on) <= 90) | 30",
            "SUM(orders.amount * 2, orders.amount > amount * 4) | 300",
            "AVG(orders.amount, orders.status == \"paid\") | 65",
            "MIN(orders.amount) | 30",
            "MAX(orders.paid_on) | 2024-06-10",
            "LATEST(orders.status) | paid",
            "LATEST(orders.amount, orders.status == \"open\") | 50",
            "region.name + \"区\" | 华东区",
            "SUM(orders.amount, orders.status == \"paid\") + amount | 140"})
    void aggregatesAndLinkedFieldsReadTheRelatedRecords(String formula, String expected) {
        Object v = eval(formula, CUSTOMER);
        assertEquals(expected, v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v), formula);
    }

    @Test
    void withoutRelatedRecordsCountsAndSumsAreZeroAndTheRestEmpty() {
        assertEquals(BigDecimal.ZERO, eval("COUNT(orders)", RelatedValues.NONE));
        assertEquals(BigDecimal.ZERO, eval("SUM(orders.amount)", RelatedValues.NONE));
        assertNull(eval("AVG(orders.amount)", RelatedValues.NONE));
        assertNull(eval("MAX(orders.paid_on)", RelatedValues.NONE));
        assertNull(eval("LATEST(orders.status)", RelatedValues.NONE));
        assertNull(eval("region.name", RelatedValues.NONE));
    }

    @Test
    void aCompiledFormulaNamesTheLinksItReads() {
        CompiledFormula f = COMPILER.compile("region.name == \"华东\" && COUNT(orders) > 2", SCOPE);
        assertEquals(List.of("region", "orders"), f.links().stream().map(Link::key).toList());
        assertTrue(COMPILER.compile("amount > 1", SCOPE).links().isEmpty());
    }

    @Test
    void sqlReadsRelatedRowsByIdentifiersWithValuesAsParameters() {
        CompiledFormula f = COMPILER.compile("SUM(orders.amount, orders.status == \"paid\") + LEN(region.name)", SCOPE);
        SqlExpression sql = f.sql(SqlNames.of(r -> "r.f_" + r.fieldId(), "r.id"));
        assertTrue(sql.sql().contains("FROM rec_4 tf_item WHERE tf_item.f_40 = r.id AND tf_item.deleted_at IS NULL"),
                sql.sql());
        assertTrue(sql.sql().contains("FROM rec_3 tf_one WHERE tf_one.id = r.f_20"), sql.sql());
        assertFalse(sql.sql().contains("paid"), sql.sql());
        assertTrue(sql.params().contains("paid"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.sql(r -> "r.f_" + r.fieldId()));
        assertTrue(e.getMessage().contains("row id"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "orders.amount > 1 | formula.list-outside-aggregate | 1 | 1",
            "SUM(orders.amount, region.name == orders.status) + orders.amount | formula.list-outside-aggregate | 1 | 52",
            "region.nope | formula.unknown-link-field | 1 | 1",
            "amount.x | formula.member-access | 1 | 7",
            "region.getClass() | formula.member-access | 1 | 7",
            "nobody.name | formula.member-access | 1 | 7",
            "SUM(orders.amount, COUNT(orders) > 1) | formula.nested-aggregate | 1 | 20",
            "COUNT(3) | formula.aggregate-needs-list | 1 | 1",
            "AVG(amount) | formula.aggregate-needs-list | 1 | 1",
            "SUM(orders.status) | formula.function-arguments | 1 | 5",
            "COUNT(orders, orders.amount) | formula.type-condition | 1 | 15"})
    void wrongPathsAreRejectedWithTheirPlace(String formula, String code, int line, int column) {
        FormulaException e = assertThrows(FormulaException.class, () -> COMPILER.compile(formula, SCOPE));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertFalse(e.message(Locale.SIMPLIFIED_CHINESE).isBlank());
    }
}
