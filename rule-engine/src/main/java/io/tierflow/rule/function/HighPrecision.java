package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import io.tierflow.rule.formula.FormulaValues;

/**
 * Logarithms, exponentials and square roots for LN, LOG, LOG10, EXP, SQRT and POWER, computed to some 80 significant
 * digits with fixed work (series of bounded length after range reduction), then rounded by {@link #approx}: first to
 * 30 significant digits (half up), then to DECIMAL64. The SQL back end computes the same values with PostgreSQL's
 * {@code ln}, {@code exp} and {@code sqrt} at a scale of 70 ({@code tf_ln_hp}, {@code tf_exp_hp}, {@code tf_sqrt},
 * {@code tf_approx}). The two approximations differ far below the 30th digit, so the first rounding makes them equal
 * and the second rounds the same number in both, also when the exact result is a tie at the 17th digit (e.g.
 * {@code POWER(46416548025, 1.5)}). They could only differ for a result within about 1E-45 (relative) of a point
 * halfway between two 30-digit numbers that is itself a 16-digit tie, which no input of at most 16 digits gives in
 * practice.
 */
public final class HighPrecision {
    static final MathContext WORK = new MathContext(90, RoundingMode.HALF_EVEN);
    private static final MathContext THIRTY = new MathContext(30, RoundingMode.HALF_UP);
    static final BigDecimal LN2 = new BigDecimal("0.69314718055994530941723212145817656807550013436025525412068000949"
            + "339362196969471560586332699641868754200148102");
    /** As the SQL helper tf_ln10(). */
    static final BigDecimal LN10 = new BigDecimal("2.302585092994045684017991454684364207601101488628772976033327900967"
            + "57260967735248023599720508959829834196778404");
    /** |t| above which e^t is outside the number range by far: EXP gives null (t > 0) or 0 (t < 0). */
    static final BigDecimal EXP_LIMIT = BigDecimal.valueOf(2400);
    private static final BigDecimal ONE_AND_HALF = new BigDecimal("1.5");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal EPSILON = new BigDecimal("1e-100");
    private static final int HALVINGS = 10;
    private static final BigDecimal SCALE_DOWN = BigDecimal.valueOf(1L << HALVINGS);

    private HighPrecision() {
    }

    /** Rounds an approximation (≥ 45 correct digits): to 30 significant digits half up, to DECIMAL64, range rule. */
    public static BigDecimal approx(BigDecimal a) {
        if (a == null) {
            return null;
        }
        if (a.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return FormulaValues.checkNumber(a.round(THIRTY).round(FormulaValues.MC));
    }

    /** ln x for x &gt; 0 (null otherwise), to about 85 digits. */
    static BigDecimal ln(BigDecimal x) {
        if (x.signum() <= 0) {
            return null;
        }
        int e = x.precision() - x.scale() - 1;
        BigDecimal m = x.scaleByPowerOfTen(-e);  // 1 <= m < 10, exact
        int halvings = 0;
        while (m.compareTo(ONE_AND_HALF) > 0) {  // at most 3 times: 0.75 <= m <= 1.5
            m = m.divide(TWO);  // exact
            halvings++;
        }
        // ln m = 2 atanh(z), z = (m - 1) / (m + 1), |z| <= 0.2: z + z^3/3 + z^5/5 + ...
        BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), WORK);
        BigDecimal z2 = z.multiply(z, WORK);
        BigDecimal power = z;
        BigDecimal sum = z;
        for (int k = 3; k < 400 && power.signum() != 0; k += 2) {
            power = power.multiply(z2, WORK);
            BigDecimal term = power.divide(BigDecimal.valueOf(k), WORK);
            sum = sum.add(term, WORK);
            if (term.abs().compareTo(EPSILON) < 0) {
                break;
            }
        }
        return sum.multiply(TWO).add(LN2.multiply(BigDecimal.valueOf(halvings)), WORK)
                .add(LN10.multiply(BigDecimal.valueOf(e)), WORK);
    }

    /** e^t for |t| &lt;= {@link #EXP_LIMIT} (null otherwise), to about 85 digits: t = k ln 10 + r, 0 &lt;= r &lt; ln 10. */
    static BigDecimal exp(BigDecimal t) {
        if (t.abs().compareTo(EXP_LIMIT) > 0) {
            return null;
        }
        int k = t.divide(LN10, WORK).setScale(0, RoundingMode.FLOOR).intValueExact();
        BigDecimal r = t.subtract(LN10.multiply(BigDecimal.valueOf(k)));
        // e^r = (e^(r / 2^10))^(2^10); the Taylor series of e^s for |s| < 0.003
        BigDecimal s = r.divide(SCALE_DOWN, WORK);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int n = 1; n < 200; n++) {
            term = term.multiply(s, WORK).divide(BigDecimal.valueOf(n), WORK);
            sum = sum.add(term, WORK);
            if (term.abs().compareTo(EPSILON) < 0) {
                break;
            }
        }
        for (int i = 0; i < HALVINGS; i++) {
            sum = sum.multiply(sum, WORK);
        }
        return sum.scaleByPowerOfTen(k);
    }

    /** √x for x &gt;= 0 (null otherwise), to about 85 digits. */
    static BigDecimal sqrt(BigDecimal x) {
        return x.signum() < 0 ? null : x.sqrt(WORK);
    }
}
