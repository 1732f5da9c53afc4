package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Value rules shared by the generated code, the functions and callers.
 * <ul>
 *   <li>Numbers are {@link BigDecimal}; every arithmetic result is rounded to {@link MathContext#DECIMAL64}
 *   (16 significant digits, HALF_EVEN). Literals are rounded the same way. A result whose magnitude reaches
 *   {@code 1E1000} becomes {@code null} (overflow); a non-zero result below {@code 1E-1000} becomes 0.
 *   Numbers compare with {@code compareTo} (so 1.0 == 1). Results leave {@link CompiledFormula#evaluate}
 *   normalised: trailing zeros stripped, never in exponent form with a negative scale (1E+3 → 1000).</li>
 *   <li>Text results are at most {@link #MAX_TEXT_LENGTH} characters; longer ones raise
 *   {@link FormulaEvaluationException} {@code formula.eval.text-too-long}. Turning a value into text: null → "",
 *   numbers as plain strings (normalised), booleans "true"/"false", DATE yyyy-MM-dd, DATETIME ISO-8601 with offset.</li>
 *   <li>Text compares by Unicode code point ({@link FormulaRuntime#compareCodePoints}).</li>
 *   <li>DATE values lie in 0001-01-01..9999-12-31; a date outside (from arithmetic or from a record) is null.</li>
 *   <li>DATETIME values are instants, carried as {@link OffsetDateTime} at the offset the evaluation's zone
 *   ({@link FormulaContext#zone()}) has at that instant; their calendar date and text form are therefore those of
 *   the zone. Inputs given as {@link Instant} (UTC), {@link ZonedDateTime}, {@link LocalDateTime} (taken as UTC) or
 *   ISO text are converted; precision is microseconds (finer input is truncated, as PostgreSQL's timestamptz
 *   cannot hold it); values before 0001-01-02T00:00Z or from 9999-12-31T00:00Z on are null, so that the date in
 *   any zone has a four-digit year. They compare by instant.</li>
 * </ul>
 * The SQL back end follows the same rules (db/rule/V2_0_1__formula_sql_helpers.sql, V2_0_2__more_formula_helpers.sql).
 */
public final class FormulaValues {
    public static final MathContext MC = MathContext.DECIMAL64;
    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final int MAX_EXPONENT = 1000;
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    /** The first DATETIME instant. */
    public static final Instant MIN_DATETIME = Instant.parse("0001-01-02T00:00:00Z");
    /** The first instant after the DATETIME range. */
    public static final Instant END_DATETIME = Instant.parse("9999-12-31T00:00:00Z");

    private FormulaValues() {
    }

    static int adjustedExponent(BigDecimal v) {
        return v.precision() - v.scale() - 1;
    }

    /** True if a non-zero number's magnitude is at least 1E1000 or below 1E-1000 (used for literals). */
    public static boolean outOfRange(BigDecimal v) {
        if (v.signum() == 0) {
            return false;
        }
        int e = adjustedExponent(v);
        return e >= MAX_EXPONENT || e <= -MAX_EXPONENT;
    }

    /** Applies the range rule to an arithmetic result: overflow → null, underflow → 0. */
    public static BigDecimal checkNumber(BigDecimal v) {
        if (v == null || v.signum() == 0) {
            return v;
        }
        int e = adjustedExponent(v);
        if (e >= MAX_EXPONENT) {
            return null;
        }
        if (e <= -MAX_EXPONENT) {
            return BigDecimal.ZERO;
        }
        return v;
    }

    /** The date, or null outside 0001-01-01..9999-12-31. */
    public static LocalDate checkDate(LocalDate d) {
        return d == null || d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE) ? null : d;
    }

    /** The instant truncated to microseconds, at the zone's offset; null outside the DATETIME range. */
    public static OffsetDateTime checkDateTime(Instant t, ZoneId zone) {
        if (t == null || t.isBefore(MIN_DATETIME) || !t.isBefore(END_DATETIME)) {
            return null;
        }
        return t.truncatedTo(ChronoUnit.MICROS).atZone(zone).toOffsetDateTime();
    }

    /** @throws FormulaEvaluationException if the text is longer than {@link #MAX_TEXT_LENGTH} */
    public static String checkText(String s) {
        if (s != null && s.length() > MAX_TEXT_LENGTH) {
            throw new FormulaEvaluationException("formula.eval.text-too-long", MAX_TEXT_LENGTH);
        }
        return s;
    }

    /** Trailing zeros stripped, and no negative scale (1E+3 → 1000). */
    public static BigDecimal normalize(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Normalises a result for callers: numbers via {@link #normalize}, everything else unchanged. */
    public static Object output(Object v) {
        return v instanceof BigDecimal b ? normalize(b) : v;
    }

    /** The text form of a value, as used by text concatenation (null → ""). */
    public static String toText(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal b) {
            return normalize(b).toPlainString();
        }
        return v.toString();
    }

    /**
     * Converts an input value to the plain value of {@code type}: numbers may be any {@link Number}
     * (Integer, Long, Double… are converted to BigDecimal; NaN/infinite are rejected) or numeric text;
     * DATE accepts LocalDate or ISO text; DATETIME accepts OffsetDateTime, Instant, ZonedDateTime, LocalDateTime
     * (as UTC) or ISO text. null stays null. Dates and date-times follow the range rules above; DATETIMEs come back
     * in UTC.
     *
     * @throws IllegalArgumentException if the value does not fit the type
     */
    public static Object normalizeInput(Object raw, ValueType type) {
        return normalizeInput(raw, type, ZoneOffset.UTC);
    }

    /** As {@link #normalizeInput(Object, ValueType)}, DATETIMEs at the offset of {@code zone}. */
    public static Object normalizeInput(Object raw, ValueType type, ZoneId zone) {
        Object v = convertInput(raw, type);
        if (v instanceof LocalDate d) {
            return checkDate(d);
        }
        if (v instanceof OffsetDateTime t) {
            return checkDateTime(t.toInstant(), zone);
        }
        return v;
    }

    private static Object convertInput(Object raw, ValueType type) {
        if (raw == null) {
            return null;
        }
        switch (type) {
            case NUMBER -> {
                BigDecimal b = toBigDecimal(raw);
                if (b == null) {
                    throw new IllegalArgumentException("not a number: " + describe(raw));
                }
                return checkNumber(b.round(MC));
            }
            case TEXT -> {
                if (raw instanceof String s) {
                    return s;
                }
                if (raw instanceof Character c) {
                    return c.toString();
                }
                throw new IllegalArgumentException("not text: " + describe(raw));
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                throw new IllegalArgumentException("not true/false: " + describe(raw));
            }
            case DATE -> {
                if (raw instanceof LocalDate d) {
                    return d;
                }
                if (raw instanceof String s) {
                    try {
                        return LocalDate.parse(s.trim());
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("not a date (yyyy-MM-dd): " + describe(raw));
                    }
                }
                throw new IllegalArgumentException("not a date: " + describe(raw));
            }
            case DATETIME -> {
                if (raw instanceof OffsetDateTime t) {
                    return t;
                }
                if (raw instanceof Instant t) {
                    return t.atOffset(ZoneOffset.UTC);
                }
                if (raw instanceof ZonedDateTime t) {
                    return t.toOffsetDateTime();
                }
                if (raw instanceof LocalDateTime t) {
                    return t.atOffset(ZoneOffset.UTC);
                }
                if (raw instanceof String s) {
                    try {
                        return OffsetDateTime.parse(s.trim());
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("not an ISO date-time with offset: " + describe(raw));
                    }
                }
                throw new IllegalArgumentException("not a date-time: " + describe(raw));
            }
            default -> throw new IllegalArgumentException("no values of type NULL");
        }
    }

    private static String describe(Object raw) {
        String s = String.valueOf(raw);
        if (s.length() > 40) {
            s = s.substring(0, 40) + "…";
        }
        return raw.getClass().getSimpleName() + " " + s;
    }

    private static BigDecimal toBigDecimal(Object raw) {
        try {
            if (raw instanceof BigDecimal b) {
                return b;
            }
            if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
                return BigDecimal.valueOf(((Number) raw).longValue());
            }
            if (raw instanceof BigInteger b) {
                return new BigDecimal(b);
            }
            if (raw instanceof Double || raw instanceof Float) {
                double d = ((Number) raw).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return null;
                }
                return raw instanceof Float ? new BigDecimal(raw.toString()) : BigDecimal.valueOf(d);
            }
            if (raw instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            if (raw instanceof String s && s.length() <= 100) {
                return new BigDecimal(s.trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
