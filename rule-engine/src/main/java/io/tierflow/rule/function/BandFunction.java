package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * BAND(value, "b1,b2,…,bn", "l0,l1,…,ln"): the label of the band the value falls in: value &lt; b1 → l0,
 * b(i) ≤ value &lt; b(i+1) → l(i), value ≥ bn → ln. Bounds must be ascending numbers and there must be exactly
 * one more label than bounds (at most 100 bounds); otherwise, or for a null value, the result is null.
 * Work is linear in the length of the two texts.
 */
@ApplicationScoped
public class BandFunction extends AbstractFormulaFunction {
    static final int MAX_BOUNDS = 100;
    private static final Pattern BOUND =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?");

    public BandFunction() {
        super(FunctionGroup.SCORING, "BAND", "BAND(value, \"bound1,bound2,...\", \"label0,label1,...\")",
                "The label of the band the value falls in: below the first bound gives the first label, from bound i up to (not including) bound i+1 gives label i, from the last bound on gives the last label. Bounds must be ascending numbers, with one more label than bounds (at most 100 bounds); otherwise, or for a null value, the result is null.",
                "返回数值所在区间的标签：小于第一个界值得到第一个标签；大于等于第 i 个界值且小于第 i+1 个界值得到第 i 个标签；大于等于最后一个界值得到最后一个标签。界值必须是递增的数字，标签必须比界值多一个（最多 100 个界值）；否则或值为空时返回空。",
                "BAND(amount, \"10,20,30\", \"1,2,3,4\")", "BAND(score, \"60,80\", \"C,B,A\")");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 3, 3);
        expect(t, 0, ValueType.NUMBER);
        expect(t, 1, ValueType.TEXT);
        expect(t, 2, ValueType.TEXT);
        return ValueType.TEXT;
    }

    @Override
    public Object apply(Object[] a) {
        BigDecimal v = num(a[0]);
        String bounds = text(a[1]);
        String labels = text(a[2]);
        if (v == null || bounds == null || labels == null) {
            return null;
        }
        String[] b = bounds.split(",", MAX_BOUNDS + 2);
        String[] l = labels.split(",", MAX_BOUNDS + 3);
        if (b.length > MAX_BOUNDS || l.length != b.length + 1) {
            return null;
        }
        int band = 0;
        BigDecimal prev = null;
        for (String s : b) {
            BigDecimal bound = bound(s);
            if (bound == null || prev != null && bound.compareTo(prev) <= 0) {
                return null;
            }
            prev = bound;
            if (v.compareTo(bound) >= 0) {
                band++;
            }
        }
        return l[band].trim();
    }

    /**
     * A bound: an ASCII decimal number (BigDecimal syntax without non-ASCII digits, exponent of at most 4 digits),
     * at most 40 characters after trimming, within the number range; null otherwise. The same rule as the SQL
     * helper tf_band_bound, so that both back ends read the same bounds.
     */
    public static BigDecimal bound(String s) {
        String x = s.trim();
        if (x.length() > 40 || !BOUND.matcher(x).matches()) {
            return null;
        }
        BigDecimal b = new BigDecimal(x);
        return FormulaValues.outOfRange(b) ? null : b;
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_band(" + a.get(0, ValueType.NUMBER) + ", " + a.get(1, ValueType.TEXT) + ", "
                + a.get(2, ValueType.TEXT) + ")";
    }
}
