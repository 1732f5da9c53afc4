package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tierflow.rule.function.BuiltinFunctions;

/** Shared fixtures: a scope with one field of every type, a fixed clock and a compiler over the built-ins. */
public final class TestScopes {
    public static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T10:00:00Z"), ZoneOffset.UTC);

    public static final FieldRef AMOUNT = new FieldRef("amount", 1, ValueType.NUMBER);
    public static final FieldRef VISITS = new FieldRef("visits", 2, ValueType.NUMBER);
    public static final FieldRef SCORE = new FieldRef("score", 3, ValueType.NUMBER);
    public static final FieldRef NAME = new FieldRef("name", 4, ValueType.TEXT);
    public static final FieldRef LAST_FOLLOW_UP = new FieldRef("lastFollowUp", 5, ValueType.DATE);
    public static final FieldRef VIP = new FieldRef("vip", 6, ValueType.BOOLEAN);
    public static final FieldRef SIGNED_AT = new FieldRef("signedAt", 7, ValueType.DATETIME);
    public static final FieldRef LEVEL_ZH = new FieldRef("客户等级", 8, ValueType.TEXT);
    public static final FieldRef CLOSED_ON = new FieldRef("closedOn", 9, ValueType.DATE);
    public static final FieldRef CLOSED_AT = new FieldRef("closedAt", 10, ValueType.DATETIME);
    public static final FieldRef NOTE = new FieldRef("note", 11, ValueType.TEXT);

    public static final FormulaScope SCOPE = FormulaScope.of(List.of(AMOUNT, VISITS, SCORE, NAME, LAST_FOLLOW_UP,
            VIP, SIGNED_AT, LEVEL_ZH, CLOSED_ON, CLOSED_AT, NOTE));

    private TestScopes() {
    }

    public static FunctionRegistry registry() {
        return BuiltinFunctions.registry(CLOCK);
    }

    public static FormulaCompiler compiler() {
        return new FormulaCompiler(registry());
    }

    /** Values for the fixture fields: amount 1000, visits 12, score 85, name "Alice", … */
    public static Map<Long, Object> sampleValues() {
        Map<Long, Object> v = new HashMap<>();
        v.put(AMOUNT.fieldId(), new BigDecimal("1000"));
        v.put(VISITS.fieldId(), 12);
        v.put(SCORE.fieldId(), 85.5);
        v.put(NAME.fieldId(), "Alice");
        v.put(LAST_FOLLOW_UP.fieldId(), LocalDate.of(2024, 5, 1));
        v.put(VIP.fieldId(), true);
        v.put(SIGNED_AT.fieldId(), Instant.parse("2024-06-01T00:00:00Z"));
        v.put(LEVEL_ZH.fieldId(), "金牌");
        v.put(CLOSED_ON.fieldId(), LocalDate.of(2024, 6, 10));
        v.put(CLOSED_AT.fieldId(), Instant.parse("2024-06-02T12:00:00Z"));
        v.put(NOTE.fieldId(), null);
        return v;
    }
}
