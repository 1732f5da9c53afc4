package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import io.tierflow.rule.formula.FormulaFunction;
import io.tierflow.rule.formula.FormulaRuntime;
import io.tierflow.rule.formula.FunctionArgumentException;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** Common parts of the built-in functions: names, texts and argument checks with zh/en messages. */
public abstract class AbstractFormulaFunction extends FunctionTexts implements FormulaFunction {
    /** Largest count or position the text functions use (LEFT, MID, FIND…); larger ones are cut to it. */
    static final int MAX_COUNT = 1_000_000_000;
    private static final BigDecimal MAX_COUNT_DECIMAL = BigDecimal.valueOf(MAX_COUNT);

    private final FunctionGroup group;

    protected AbstractFormulaFunction(String name, String signature, String en, String zh, String... examples) {
        this(FunctionGroup.OTHER, name, signature, en, zh, examples);
    }

    protected AbstractFormulaFunction(FunctionGroup group, String name, String signature, String en, String zh,
                                      String... examples) {
        super(name, signature, en, zh, examples);
        this.group = group;
    }

    @Override
    public FunctionGroup group() {
        return group;
    }

    // ---- argument checks -------------------------------------------------------------------------------

    /** Checks the argument count; max = Integer.MAX_VALUE for "no upper bound" (the parser caps calls at 64). */
    protected void arity(List<ValueType> types, int min, int max) {
        int n = types.size();
        if (n >= min && n <= max) {
            return;
        }
        String en;
        String zh;
        if (min == max) {
            en = "expects " + min + " argument" + (min == 1 ? "" : "s") + " but got " + n + ".";
            zh = "需要 " + min + " 个参数，实际为 " + n + " 个。";
        } else if (max == Integer.MAX_VALUE) {
            en = "expects at least " + min + " argument" + (min == 1 ? "" : "s") + " but got " + n + ".";
            zh = "至少需要 " + min + " 个参数，实际为 " + n + " 个。";
        } else {
            en = "expects " + min + " to " + max + " arguments but got " + n + ".";
            zh = "需要 " + min + " 到 " + max + " 个参数，实际为 " + n + " 个。";
        }
        throw new FunctionArgumentException(-1, en, zh);
    }

    /** Argument {@code i} must have one of the allowed types (NULL is always accepted). */
    protected void expect(List<ValueType> types, int i, ValueType... allowed) {
        ValueType t = types.get(i);
        if (t == ValueType.NULL) {
            return;
        }
        for (ValueType a : allowed) {
            if (a == t) {
                return;
            }
        }
        StringBuilder en = new StringBuilder();
        StringBuilder zh = new StringBuilder();
        for (int k = 0; k < allowed.length; k++) {
            if (k > 0) {
                en.append(" or ");
                zh.append("或");
            }
            en.append(allowed[k].displayName(Locale.ENGLISH));
            zh.append(allowed[k].displayName(Locale.CHINESE));
        }
        throw new FunctionArgumentException(i,
                "argument " + (i + 1) + " must be " + en + " but is " + t.displayName(Locale.ENGLISH) + ".",
                "第 " + (i + 1) + " 个参数必须是" + zh + "，实际是" + t.displayName(Locale.CHINESE) + "。");
    }

    /** All arguments from {@code from} on must have the allowed types. */
    protected void expectAll(List<ValueType> types, int from, ValueType... allowed) {
        for (int i = from; i < types.size(); i++) {
            expect(types, i, allowed);
        }
    }

    /** The common type of arguments {@code from..}, NULL unifying with anything; error on a mismatch. */
    protected ValueType unifyAll(List<ValueType> types, int from) {
        ValueType u = ValueType.NULL;
        for (int i = from; i < types.size(); i++) {
            ValueType t = types.get(i);
            if (t == ValueType.NULL || t == u) {
                continue;
            }
            if (u != ValueType.NULL) {
                throw new FunctionArgumentException(i,
                        "argument " + (i + 1) + " is " + t.displayName(Locale.ENGLISH) + " but the earlier ones are "
                                + u.displayName(Locale.ENGLISH) + "; they must have the same type.",
                        "第 " + (i + 1) + " 个参数是" + t.displayName(Locale.CHINESE) + "，而前面的参数是"
                                + u.displayName(Locale.CHINESE) + "，类型必须相同。");
            }
            u = t;
        }
        return u;
    }

    /** Arguments {@code from, from + step, …} before {@code until} must have one common type (NULL unifies). */
    protected ValueType unifyEvery(List<ValueType> types, int from, int step, int until) {
        List<Integer> at = new java.util.ArrayList<>();
        for (int i = from; i < until; i += step) {
            at.add(i);
        }
        return unifyAt(types, at);
    }

    /** The arguments at the given indexes must have one common type (NULL unifies with anything). */
    protected ValueType unifyAt(List<ValueType> types, List<Integer> indexes) {
        ValueType u = ValueType.NULL;
        int first = -1;
        for (int i : indexes) {
            ValueType t = types.get(i);
            if (t == ValueType.NULL || t == u) {
                continue;
            }
            if (u != ValueType.NULL) {
                throw new FunctionArgumentException(i,
                        "argument " + (i + 1) + " is " + t.displayName(Locale.ENGLISH) + " but argument " + (first + 1)
                                + " is " + u.displayName(Locale.ENGLISH) + "; they must have the same type.",
                        "第 " + (i + 1) + " 个参数是" + t.displayName(Locale.CHINESE) + "，而第 " + (first + 1)
                                + " 个参数是" + u.displayName(Locale.CHINESE) + "，类型必须相同。");
            }
            u = t;
            first = i;
        }
        return u;
    }

    // ---- value helpers ---------------------------------------------------------------------------------

    protected static BigDecimal num(Object o) {
        return (BigDecimal) o;
    }

    protected static String text(Object o) {
        return (String) o;
    }

    /**
     * The calendar date of a DATE or a DATETIME; null stays null. A DATETIME's own offset is the evaluation zone's
     * (CompiledFormula converts inputs, date-time arithmetic keeps it so), hence its date is the zone's date.
     */
    protected static LocalDate date(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t.toLocalDate();
        }
        return (LocalDate) o;
    }

    protected static boolean truthy(Object o) {
        return Boolean.TRUE.equals(o);
    }

    /** Equality as {@code ==} has it for two non-null values of one type (numbers by value, date-times by instant). */
    protected static boolean same(Object a, Object b) {
        return FormulaRuntime.compare(a, b) == 0;
    }

    /**
     * A count or position argument: truncated toward zero and cut to 0..{@link #MAX_COUNT} (SQL: {@code tf_count}).
     */
    protected static int count(BigDecimal n) {
        if (n.signum() <= 0) {
            return 0;
        }
        return n.compareTo(MAX_COUNT_DECIMAL) >= 0 ? MAX_COUNT : n.setScale(0, RoundingMode.DOWN).intValueExact();
    }

    /** A digits argument as ROUND reads it: truncated toward zero, cut to -20..20 (SQL: {@code tf_digits}). */
    protected static int digits(BigDecimal d) {
        if (d.abs().compareTo(BigDecimal.valueOf(20)) > 0) {
            return d.signum() * 20;
        }
        return d.setScale(0, RoundingMode.DOWN).intValue();
    }

    /** The number of Unicode code points (characters) in {@code s}. */
    protected static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The first {@code n} characters (code points) of {@code s}; all of it if it is shorter. */
    protected static String leftChars(String s, int n) {
        return n >= s.length() ? s : s.substring(0, offset(s, n));
    }

    /** The UTF-16 index of code point number {@code n} (0-based), or the length if {@code s} has fewer. */
    protected static int offset(String s, int n) {
        int i = 0;
        for (int k = 0; k < n && i < s.length(); k++) {
            i += Character.charCount(s.codePointAt(i));
        }
        return i;
    }

    /** ASCII letters to lower case, everything else unchanged (unit names: no locale, no special cases). */
    protected static String asciiLower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return sb.toString();
    }

    /** The arguments as conditions (null counts as false) joined by {@code op} (" AND " or " OR "). */
    protected static String truths(SqlArgs a, String op) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.size(); i++) {
            sb.append(i == 0 ? "" : op).append("COALESCE(").append(a.get(i, ValueType.BOOLEAN)).append(", FALSE)");
        }
        return sb.toString();
    }

}
