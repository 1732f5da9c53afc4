package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Static helpers called by the generated MVEL (imported there as {@code Rt}). Operands always have the types the
 * checker proved; every helper handles null according to the rules documented on {@link TypeChecker}. Helpers
 * that depend on the time zone or the date get the evaluation's {@link FormulaContext} (MVEL variable {@code cx}).
 * This class and {@link FunctionTable} are the only things the generated code can reach.
 */
public final class FormulaRuntime {
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final BigDecimal MAX_DAYS = BigDecimal.valueOf(1_000_000_000L);

    private FormulaRuntime() {
    }

    // ---- boolean context -------------------------------------------------------------------------------
    public static boolean truthy(Object v) {
        return Boolean.TRUE.equals(v);
    }

    public static Boolean not(Object v) {
        return !truthy(v);
    }

    public static Boolean and(Object a, Object b) {
        return truthy(a) && truthy(b);
    }

    public static Boolean or(Object a, Object b) {
        return truthy(a) || truthy(b);
    }

    // ---- arithmetic ------------------------------------------------------------------------------------
    public static BigDecimal add(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        return FormulaValues.checkNumber(((BigDecimal) a).add((BigDecimal) b, FormulaValues.MC));
    }

    public static BigDecimal sub(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        return FormulaValues.checkNumber(((BigDecimal) a).subtract((BigDecimal) b, FormulaValues.MC));
    }

    public static BigDecimal mul(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        return FormulaValues.checkNumber(((BigDecimal) a).multiply((BigDecimal) b, FormulaValues.MC));
    }

    public static BigDecimal div(Object a, Object b) {
        if (a == null || b == null || ((BigDecimal) b).signum() == 0) {
            return null;
        }
        try {
            return FormulaValues.checkNumber(((BigDecimal) a).divide((BigDecimal) b, FormulaValues.MC));
        } catch (ArithmeticException e) {
            return null;
        }
    }

    public static BigDecimal mod(Object a, Object b) {
        if (a == null || b == null || ((BigDecimal) b).signum() == 0) {
            return null;
        }
        try {
            return FormulaValues.checkNumber(((BigDecimal) a).remainder((BigDecimal) b, FormulaValues.MC));
        } catch (ArithmeticException e) {
            return null;
        }
    }

    public static BigDecimal neg(Object a) {
        return a == null ? null : ((BigDecimal) a).negate(FormulaValues.MC);
    }

    public static String concat(Object a, Object b) {
        String x = FormulaValues.toText(a);
        String y = FormulaValues.toText(b);
        if ((long) x.length() + y.length() > FormulaValues.MAX_TEXT_LENGTH) {
            throw new FormulaEvaluationException("formula.eval.text-too-long", FormulaValues.MAX_TEXT_LENGTH);
        }
        return x.concat(y);
    }

    // ---- dates -----------------------------------------------------------------------------------------
    private static Long wholeDays(Object days) {
        BigDecimal d = (BigDecimal) days;
        if (d.abs().compareTo(MAX_DAYS) >= 0) {
            return null;
        }
        return d.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    public static LocalDate datePlus(Object date, Object days) {
        if (date == null || days == null) {
            return null;
        }
        Long n = wholeDays(days);
        try {
            return n == null ? null : FormulaValues.checkDate(((LocalDate) date).plusDays(n));
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    public static LocalDate dateMinus(Object date, Object days) {
        return days == null ? null : datePlus(date, ((BigDecimal) days).negate());
    }

    public static BigDecimal dateDiff(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        return BigDecimal.valueOf(ChronoUnit.DAYS.between((LocalDate) b, (LocalDate) a));
    }

    /** Adds whole seconds to the instant (no calendar or DST effects); the result is seen in the context's zone. */
    public static OffsetDateTime dateTimePlus(FormulaContext cx, Object t, Object days) {
        if (t == null || days == null) {
            return null;
        }
        BigDecimal d = (BigDecimal) days;
        if (d.abs().compareTo(MAX_DAYS) >= 0) {
            return null;
        }
        try {
            long seconds = d.multiply(SECONDS_PER_DAY).setScale(0, RoundingMode.DOWN).longValueExact();
            return FormulaValues.checkDateTime(((OffsetDateTime) t).toInstant().plusSeconds(seconds), cx.zone());
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    public static OffsetDateTime dateTimeMinus(FormulaContext cx, Object t, Object days) {
        return days == null ? null : dateTimePlus(cx, t, ((BigDecimal) days).negate());
    }

    public static BigDecimal dateTimeDiff(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        Duration d = Duration.between(((OffsetDateTime) b).toInstant(), ((OffsetDateTime) a).toInstant());
        BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
        return seconds.divide(SECONDS_PER_DAY, FormulaValues.MC);
    }

    // ---- comparison ------------------------------------------------------------------------------------
    public static Boolean eq(Object a, Object b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return compare(a, b) == 0;
    }

    public static Boolean ne(Object a, Object b) {
        return !eq(a, b);
    }

    public static Boolean lt(Object a, Object b) {
        return a != null && b != null && compare(a, b) < 0;
    }

    public static Boolean le(Object a, Object b) {
        return a != null && b != null && compare(a, b) <= 0;
    }

    public static Boolean gt(Object a, Object b) {
        return a != null && b != null && compare(a, b) > 0;
    }

    public static Boolean ge(Object a, Object b) {
        return a != null && b != null && compare(a, b) >= 0;
    }

    /** Compares two non-null values of the same formula type. */
    public static int compare(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        if (a instanceof String x && b instanceof String y) {
            return compareCodePoints(x, y);
        }
        if (a instanceof LocalDate x && b instanceof LocalDate y) {
            return x.compareTo(y);
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.toInstant().compareTo(y.toInstant());
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        throw new IllegalStateException("cannot compare " + a.getClass().getSimpleName() + " with "
                + b.getClass().getSimpleName());
    }

    /**
     * Text order by Unicode code point, which is also the order of UTF-8 bytes and of PostgreSQL's
     * {@code COLLATE "C"}. String.compareTo orders by UTF-16 unit instead, which puts characters beyond U+FFFF
     * (emoji, rare CJK) before U+E000..U+FFFF (e.g. full-width forms); the two orders differ only there.
     */
    public static int compareCodePoints(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char c = x.charAt(i);
            char d = y.charAt(i);
            if (c != d) {
                if (c >= 0xD800 && d >= 0xD800) {
                    // move surrogates above U+E000..U+FFFF (a code point beyond the BMP is greater than both)
                    c = (char) (c >= 0xE000 ? c - 0x800 : c + 0x2000);
                    d = (char) (d >= 0xE000 ? d - 0x800 : d + 0x2000);
                }
                return c - d;
            }
        }
        return x.length() - y.length();
    }

    // ---- function calls --------------------------------------------------------------------------------
    public static Object call(FunctionTable fn, FormulaContext cx, int index, Object[] args) {
        Object r = fn.call(index, args, cx);
        if (r instanceof BigDecimal b) {
            return FormulaValues.checkNumber(b);
        }
        if (r instanceof String s) {
            return FormulaValues.checkText(s);
        }
        return r;
    }

    public static Object[] a0() {
        return new Object[0];
    }

    public static Object[] a1(Object a) {
        return new Object[]{a};
    }

    public static Object[] a2(Object a, Object b) {
        return new Object[]{a, b};
    }

    public static Object[] a3(Object a, Object b, Object c) {
        return new Object[]{a, b, c};
    }

    public static Object[] a4(Object a, Object b, Object c, Object d) {
        return new Object[]{a, b, c, d};
    }

    public static Object[] a5(Object a, Object b, Object c, Object d, Object e) {
        return new Object[]{a, b, c, d, e};
    }

    public static Object[] a6(Object a, Object b, Object c, Object d, Object e, Object f) {
        return new Object[]{a, b, c, d, e, f};
    }

    public static Object[] a7(Object a, Object b, Object c, Object d, Object e, Object f, Object g) {
        return new Object[]{a, b, c, d, e, f, g};
    }

    public static Object[] a8(Object a, Object b, Object c, Object d, Object e, Object f, Object g, Object h) {
        return new Object[]{a, b, c, d, e, f, g, h};
    }

    /** Joins two argument arrays (for calls with more than 8 arguments). */
    public static Object[] j(Object[] x, Object[] y) {
        Object[] r = new Object[x.length + y.length];
        System.arraycopy(x, 0, r, 0, x.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return r;
    }
}
