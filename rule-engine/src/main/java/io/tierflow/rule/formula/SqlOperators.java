package io.tierflow.rule.formula;

import java.util.List;

import io.tierflow.rule.formula.Typed.Op;
import io.tierflow.rule.formula.Typed.T;

import static io.tierflow.rule.formula.ValueType.BOOLEAN;
import static io.tierflow.rule.formula.ValueType.DATE;
import static io.tierflow.rule.formula.ValueType.DATETIME;
import static io.tierflow.rule.formula.ValueType.NULL;
import static io.tierflow.rule.formula.ValueType.NUMBER;
import static io.tierflow.rule.formula.ValueType.TEXT;

/**
 * The SQL of each {@link FormulaRuntime} operator helper, with MVEL's null rules: arithmetic through
 * {@code tf_num} (DECIMAL64 and range) unless the exact result is known to fit ({@link SqlGenerator#bound}), null in a boolean context is false ({@code COALESCE(x, FALSE)}), ordering
 * comparisons with a null are false, {@code ==} treats null as a value ({@code IS NOT DISTINCT FROM}), text
 * orders by code point ({@code COLLATE "C"}, as {@link FormulaRuntime#compare}).
 */
final class SqlOperators {
    private SqlOperators() {
    }

    static String emit(SqlGenerator g, Op o) {
        List<T> a = o.args();
        return switch (o.helper()) {
            case "neg" -> "(- " + g.emit(a.get(0), NUMBER) + ")";
            case "add" -> rounded(g, o, g.emit(a.get(0), NUMBER) + " + " + g.emit(a.get(1), NUMBER));
            case "sub" -> rounded(g, o, g.emit(a.get(0), NUMBER) + " - " + g.emit(a.get(1), NUMBER));
            case "mul" -> rounded(g, o, g.emit(a.get(0), NUMBER) + " * " + g.emit(a.get(1), NUMBER));
            case "div" -> "tf_div(" + g.emit(a.get(0), NUMBER) + ", " + g.emit(a.get(1), NUMBER) + ")";
            case "mod" -> "tf_mod(" + g.emit(a.get(0), NUMBER) + ", " + g.emit(a.get(1), NUMBER) + ")";
            case "concat" -> "tf_concat(" + text(g, a.get(0)) + ", " + text(g, a.get(1)) + ")";
            case "datePlus" -> "tf_date_plus(" + g.emit(a.get(0), DATE) + ", " + g.emit(a.get(1), NUMBER) + ")";
            case "dateMinus" -> "tf_date_plus(" + g.emit(a.get(0), DATE) + ", (- " + g.emit(a.get(1), NUMBER) + "))";
            case "dateDiff" -> "CAST((" + g.emit(a.get(0), DATE) + " - " + g.emit(a.get(1), DATE) + ") AS numeric)";
            case "dateTimePlus" -> "tf_dt_plus(" + g.emit(a.get(0), DATETIME) + ", " + g.emit(a.get(1), NUMBER) + ")";
            case "dateTimeMinus" ->
                    "tf_dt_plus(" + g.emit(a.get(0), DATETIME) + ", (- " + g.emit(a.get(1), NUMBER) + "))";
            case "dateTimeDiff" -> "tf_dt_diff(" + g.emit(a.get(0), DATETIME) + ", " + g.emit(a.get(1), DATETIME) + ")";
            case "eq" -> compare(g, a, " IS NOT DISTINCT FROM ", false);
            case "ne" -> compare(g, a, " IS DISTINCT FROM ", false);
            case "lt" -> compare(g, a, " < ", true);
            case "le" -> compare(g, a, " <= ", true);
            case "gt" -> compare(g, a, " > ", true);
            case "ge" -> compare(g, a, " >= ", true);
            case "and" -> "(" + truth(g, a.get(0)) + " AND " + truth(g, a.get(1)) + ")";
            case "or" -> "(" + truth(g, a.get(0)) + " OR " + truth(g, a.get(1)) + ")";
            case "not" -> "(NOT " + truth(g, a.get(0)) + ")";
            default -> throw new IllegalStateException("no SQL for operator " + o.helper());
        };
    }

    /** Exact arithmetic, rounded by tf_num unless its result is known to fit in 16 digits (then it is exact in MVEL too). */
    private static String rounded(SqlGenerator g, Op o, String exact) {
        return g.bound(o) != null ? "(" + exact + ")" : "tf_num(" + exact + ")";
    }

    private static String text(SqlGenerator g, T t) {
        return g.text(g.emit(t, TEXT), t.type());
    }

    /** A condition as MVEL's Rt.truthy sees it: null is false. */
    static String truth(SqlGenerator g, T t) {
        return "COALESCE(" + g.emit(t, BOOLEAN) + ", FALSE)";
    }

    private static String compare(SqlGenerator g, List<T> a, String op, boolean ordering) {
        ValueType type = TypeChecker.unify(a.get(0).type(), a.get(1).type());
        ValueType want = type == null || type == NULL ? TEXT : type;
        String l = g.emit(a.get(0), want);
        String r = g.emit(a.get(1), want);
        if (want == TEXT) {
            l = l + " COLLATE \"C\"";
        }
        String cmp = "(" + l + op + r + ")";
        return ordering ? "COALESCE(" + cmp + ", FALSE)" : cmp;
    }
}
