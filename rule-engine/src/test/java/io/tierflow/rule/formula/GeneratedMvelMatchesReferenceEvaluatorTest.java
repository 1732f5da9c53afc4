package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property test: random well-typed formulas (arithmetic, comparison, logic, ternaries, text and date operators, a
 * few functions), evaluated by the generated MVEL and by an independent tree-walking evaluator written here, agree
 * on every value, including nulls.
 */
class GeneratedMvelMatchesReferenceEvaluatorTest {
    private static final long SEED = 20240615L;
    private static final int FORMULAS = 400;
    private static final int VALUE_SETS = 6;

    private static final FieldRef A = new FieldRef("a", 1, ValueType.NUMBER);
    private static final FieldRef B = new FieldRef("b", 2, ValueType.NUMBER);
    private static final FieldRef C = new FieldRef("金额", 3, ValueType.NUMBER);
    private static final FieldRef S = new FieldRef("s", 4, ValueType.TEXT);
    private static final FieldRef T = new FieldRef("t", 5, ValueType.TEXT);
    private static final FieldRef P = new FieldRef("p", 6, ValueType.BOOLEAN);
    private static final FieldRef Q = new FieldRef("q", 7, ValueType.BOOLEAN);
    private static final FieldRef D = new FieldRef("d", 8, ValueType.DATE);
    private static final FieldRef E = new FieldRef("e", 9, ValueType.DATE);
    private static final FormulaScope SCOPE = FormulaScope.of(List.of(A, B, C, S, T, P, Q, D, E));

    // ---- the reference: a tree, its text and its evaluation ------------------------------------------------
    /** prec: 0 ternary, 1 or, 2 and, 3 comparison, 4 additive, 5 multiplicative, 6 unary, 7 primary. */
    record Expr(String text, int prec, Function<Map<Long, Object>, Object> eval) {
    }

    private final Random rnd = new Random(SEED);

    private static String wrap(Expr e, int min) {
        return e.prec() >= min ? e.text() : "(" + e.text() + ")";
    }

    private Expr maybeParen(Expr e) {
        return rnd.nextInt(8) == 0 ? new Expr("(" + e.text() + ")", 7, e.eval()) : e;
    }

    private static BigDecimal range(BigDecimal v) {
        if (v == null || v.signum() == 0) {
            return v;
        }
        int exp = v.precision() - v.scale() - 1;
        if (exp >= 1000) {
            return null;
        }
        return exp <= -1000 ? BigDecimal.ZERO : v;
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal b) {
            BigDecimal s = b.stripTrailingZeros();
            return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
        }
        return v.toString();
    }

    private Expr binary(String op, int prec, Expr l, Expr r, boolean nonAssoc,
                        java.util.function.BinaryOperator<Object> f) {
        String text = wrap(l, nonAssoc ? prec + 1 : prec) + " " + op + " " + wrap(r, prec + 1);
        return maybeParen(new Expr(text, prec, m -> f.apply(l.eval().apply(m), r.eval().apply(m))));
    }

    private Expr field(FieldRef f) {
        return new Expr(f.key(), 7, m -> m.get(f.fieldId()));
    }

    private static final String[] NUMBER_LITERALS = {"0", "1", "2", "3", "10", "0.1", "0.2", "0.5", "1.25", "7",
            "100", "2.5e2", "1e-3", "0.3333", "12345.678"};

    Expr number(int depth) {
        int k = depth <= 0 ? rnd.nextInt(3) : rnd.nextInt(15);
        switch (k) {
            case 0 -> {
                String lit = NUMBER_LITERALS[rnd.nextInt(NUMBER_LITERALS.length)];
                BigDecimal v = new BigDecimal(lit);
                return new Expr(lit, 7, m -> v);
            }
            case 1 -> {
                return field(new FieldRef[]{A, B, C}[rnd.nextInt(3)]);
            }
            case 2 -> {
                return rnd.nextInt(4) == 0 ? new Expr("null", 7, m -> null) : field(A);
            }
            case 3 -> {
                Expr x = number(depth - 1);
                return new Expr("-" + wrap(x, 6), 6, m -> x.eval().apply(m) == null ? null
                        : ((BigDecimal) x.eval().apply(m)).negate());
            }
            case 4 -> {
                return binary("+", 4, number(depth - 1), number(depth - 1), false, (a, b) -> a == null || b == null
                        ? null : range(((BigDecimal) a).add((BigDecimal) b, FormulaValues.MC)));
            }
            case 5 -> {
                return binary("-", 4, number(depth - 1), number(depth - 1), false, (a, b) -> a == null || b == null
                        ? null : range(((BigDecimal) a).subtract((BigDecimal) b, FormulaValues.MC)));
            }
            case 6 -> {
                return binary("*", 5, number(depth - 1), number(depth - 1), false, (a, b) -> a == null || b == null
                        ? null : range(((BigDecimal) a).multiply((BigDecimal) b, FormulaValues.MC)));
            }
            case 7 -> {
                return binary("/", 5, number(depth - 1), number(depth - 1), false, (a, b) -> a == null || b == null
                        || ((BigDecimal) b).signum() == 0 ? null
                        : range(((BigDecimal) a).divide((BigDecimal) b, FormulaValues.MC)));
            }
            case 8 -> {
                return binary("%", 5, number(depth - 1), number(depth - 1), false, (a, b) -> {
                    if (a == null || b == null || ((BigDecimal) b).signum() == 0) {
                        return null;
                    }
                    try {
                        return range(((BigDecimal) a).remainder((BigDecimal) b, FormulaValues.MC));
                    } catch (ArithmeticException ex) {
                        return null;
                    }
                });
            }
            case 9 -> {
                return ternary(depth, this::number);
            }
            case 10 -> {
                return binary("-", 4, field(D), field(E), false, (a, b) -> a == null || b == null ? null
                        : BigDecimal.valueOf(ChronoUnit.DAYS.between((LocalDate) b, (LocalDate) a)));
            }
            case 11 -> {
                Expr x = number(depth - 1);
                return new Expr("ABS(" + x.text() + ")", 7, m -> x.eval().apply(m) == null ? null
                        : ((BigDecimal) x.eval().apply(m)).abs());
            }
            case 12 -> {
                Expr x = number(depth - 1);
                Expr y = number(depth - 1);
                return new Expr("ifnull(" + x.text() + ", " + y.text() + ")", 7, m -> {
                    Object v = x.eval().apply(m);
                    return v != null ? v : y.eval().apply(m);
                });
            }
            case 13 -> {
                Expr x = number(depth - 1);
                Expr y = number(depth - 1);
                return new Expr("SUM(" + x.text() + ", " + y.text() + ")", 7, m -> {
                    BigDecimal s = BigDecimal.ZERO;
                    for (Object v : new Object[]{x.eval().apply(m), y.eval().apply(m)}) {
                        if (v != null) {
                            s = range(s.add((BigDecimal) v, FormulaValues.MC));
                            if (s == null) {
                                return null;
                            }
                        }
                    }
                    return s;
                });
            }
            default -> {
                Expr x = number(depth - 1);
                return new Expr("ROUND(" + x.text() + ", 2)", 7, m -> x.eval().apply(m) == null ? null
                        : ((BigDecimal) x.eval().apply(m)).setScale(2, RoundingMode.HALF_UP));
            }
        }
    }

    private Expr ternary(int depth, java.util.function.IntFunction<Expr> branch) {
        Expr c = bool(depth - 1);
        Expr a = branch.apply(depth - 1);
        Expr b = branch.apply(depth - 1);
        String text = wrap(c, 1) + " ? " + a.text() + " : " + b.text();
        return maybeParen(new Expr(text, 0, m -> Boolean.TRUE.equals(c.eval().apply(m))
                ? a.eval().apply(m) : b.eval().apply(m)));
    }

    private static int cmp(Object a, Object b) {
        if (a instanceof BigDecimal x) {
            return x.compareTo((BigDecimal) b);
        }
        if (a instanceof LocalDate x) {
            return x.compareTo((LocalDate) b);
        }
        if (a instanceof Boolean x) {
            return x.compareTo((Boolean) b);
        }
        return ((String) a).compareTo((String) b);
    }

    private Expr comparison(Expr l, Expr r) {
        return comparison(l, r, false);
    }

    private Expr comparison(Expr l, Expr r, boolean equalityOnly) {
        String[] ops = {"==", "!=", "<", "<=", ">", ">="};
        String op = ops[rnd.nextInt(equalityOnly ? 2 : ops.length)];
        return binary(op, 3, l, r, true, (a, b) -> switch (op) {
            case "==" -> a == null || b == null ? a == null && b == null : cmp(a, b) == 0;
            case "!=" -> !(a == null || b == null ? a == null && b == null : cmp(a, b) == 0);
            default -> {
                if (a == null || b == null) {
                    yield false;
                }
                int c = cmp(a, b);
                yield switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            }
        });
    }

    Expr bool(int depth) {
        int k = depth <= 0 ? rnd.nextInt(2) : rnd.nextInt(10);
        switch (k) {
            case 0 -> {
                boolean v = rnd.nextBoolean();
                return new Expr(v ? "true" : "false", 7, m -> v);
            }
            case 1 -> {
                return field(rnd.nextBoolean() ? P : Q);
            }
            case 2, 3 -> {
                return comparison(number(depth - 1), number(depth - 1));
            }
            case 4 -> {
                Expr x = bool(depth - 1);
                String op = rnd.nextBoolean() ? "!" : "not ";
                return new Expr(op + wrap(x, 6), 6, m -> !Boolean.TRUE.equals(x.eval().apply(m)));
            }
            case 5 -> {
                String op = rnd.nextBoolean() ? "&&" : "and";
                return binary(op, 2, bool(depth - 1), bool(depth - 1), false,
                        (a, b) -> Boolean.TRUE.equals(a) && Boolean.TRUE.equals(b));
            }
            case 6 -> {
                String op = rnd.nextBoolean() ? "||" : "OR";
                return binary(op, 1, bool(depth - 1), bool(depth - 1), false,
                        (a, b) -> Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b));
            }
            case 7 -> {
                return comparison(text(depth - 1), text(depth - 1));
            }
            case 8 -> {
                return rnd.nextBoolean() ? comparison(field(D), field(E)) : comparison(bool(depth - 1), bool(depth - 1), true);
            }
            default -> {
                return ternary(depth, this::bool);
            }
        }
    }

    private static final String[] TEXT_LITERALS = {"\"\"", "\"a\"", "'b'", "\"金牌\"", "\"x y\"", "'it\\'s'", "\"A\""};

    Expr text(int depth) {
        int k = depth <= 0 ? rnd.nextInt(2) : rnd.nextInt(6);
        switch (k) {
            case 0 -> {
                String lit = TEXT_LITERALS[rnd.nextInt(TEXT_LITERALS.length)];
                String v = lit.substring(1, lit.length() - 1).replace("\\'", "'");
                return new Expr(lit, 7, m -> v);
            }
            case 1 -> {
                return field(rnd.nextBoolean() ? S : T);
            }
            case 2, 3 -> {
                Expr l = text(depth - 1);
                Expr r = switch (rnd.nextInt(4)) {
                    case 0 -> number(depth - 1);
                    case 1 -> bool(depth - 1);
                    default -> text(depth - 1);
                };
                boolean swap = rnd.nextBoolean();
                return binary("+", 4, swap ? r : l, swap ? l : r, false, (a, b) -> text(a) + text(b));
            }
            case 4 -> {
                Expr x = text(depth - 1);
                return new Expr("UPPER(" + x.text() + ")", 7, m -> x.eval().apply(m) == null ? null
                        : ((String) x.eval().apply(m)).toUpperCase(java.util.Locale.ROOT));
            }
            default -> {
                return ternary(depth, this::text);
            }
        }
    }

    private Map<Long, Object> randomValues() {
        Map<Long, Object> m = new HashMap<>();
        String[] nums = {"0", "1", "-1", "2.5", "-0.75", "100", "3", "0.1", "999999.99", "1e20"};
        for (FieldRef f : List.of(A, B, C)) {
            m.put(f.fieldId(), rnd.nextInt(6) == 0 ? null : new BigDecimal(nums[rnd.nextInt(nums.length)]));
        }
        String[] texts = {"", "a", "b", "金牌", "Alice", "x y"};
        for (FieldRef f : List.of(S, T)) {
            m.put(f.fieldId(), rnd.nextInt(6) == 0 ? null : texts[rnd.nextInt(texts.length)]);
        }
        for (FieldRef f : List.of(P, Q)) {
            m.put(f.fieldId(), rnd.nextInt(5) == 0 ? null : rnd.nextBoolean());
        }
        for (FieldRef f : List.of(D, E)) {
            m.put(f.fieldId(), rnd.nextInt(5) == 0 ? null : LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(400) - 200));
        }
        return m;
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
            return e.compareTo(a) == 0;
        }
        return java.util.Objects.equals(expected, actual);
    }

    @Test
    void generatedMvelAgreesWithReferenceEvaluator() {
        FormulaCompiler compiler = TestScopes.compiler();
        int compared = 0;
        int nulls = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < FORMULAS; i++) {
            int kind = i % 3;
            Expr e = kind == 0 ? number(4) : kind == 1 ? bool(4) : text(3);
            CompiledFormula f;
            try {
                f = compiler.compile(e.text(), SCOPE);
            } catch (FormulaException ex) {
                fail("well-typed formula rejected (seed " + SEED + "): " + e.text() + " → " + ex.getMessage());
                return;
            }
            if (!f.mvelSource().matches("[A-Za-z0-9_ ,()?:.]*") || f.mvelSource().matches(".*[\"'].*")) {
                failures.add("unexpected characters in generated MVEL: " + f.mvelSource());
            }
            for (int v = 0; v < VALUE_SETS; v++) {
                Map<Long, Object> values = randomValues();
                Object expected = e.eval().apply(values);
                Object actual = f.evaluate(values);
                compared++;
                if (expected == null) {
                    nulls++;
                }
                if (!same(expected, actual)) {
                    failures.add(e.text() + " with " + values + ": reference " + expected + ", MVEL " + actual
                            + "\n   generated: " + f.mvelSource());
                }
            }
        }
        assertEquals(List.of(), failures, "seed " + SEED);
        assertEquals(FORMULAS * VALUE_SETS, compared);
        assertTrue(nulls > 50, "the random values should exercise null results, got " + nulls);
    }
}
