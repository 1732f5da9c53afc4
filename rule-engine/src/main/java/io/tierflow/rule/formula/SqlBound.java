package io.tierflow.rule.formula;

import java.math.BigDecimal;

/**
 * What the SQL back end knows of a number before computing it: at most {@code integerDigits} digits before the
 * point and {@code scale} after it. Arithmetic whose exact result fits in 16 significant digits needs no rounding
 * to agree with MVEL (DECIMAL64), so no {@code tf_num} call; an unknown number has no bound (null).
 */
public record SqlBound(int integerDigits, int scale) {
    static final int DIGITS = 16;

    static SqlBound of(BigDecimal constant) {
        BigDecimal v = constant.stripTrailingZeros();
        return new SqlBound(Math.max(0, v.precision() - v.scale()), Math.max(0, v.scale()));
    }

    /** The bound, or null when more than 16 digits could be needed. */
    static SqlBound fitting(int integerDigits, int scale) {
        return integerDigits + scale <= DIGITS ? new SqlBound(integerDigits, scale) : null;
    }

    /** Either of two numbers; null when either is unknown. */
    static SqlBound union(SqlBound a, SqlBound b) {
        return a == null || b == null ? null
                : new SqlBound(Math.max(a.integerDigits, b.integerDigits), Math.max(a.scale, b.scale));
    }
}
