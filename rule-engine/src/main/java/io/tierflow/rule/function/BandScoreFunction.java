package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * BANDSCORE(value, "b1,…,bn", "s0,…,sn"): BAND's label read as a number (as BAND reads bounds), rounded to 16 digits;
 * the scores need not be ascending. Null where BAND gives null or the score is not a number. SQL:
 * tf_num(tf_band_bound(tf_band(…))).
 */
@ApplicationScoped
public class BandScoreFunction extends AbstractFormulaFunction {
    private final BandFunction band = new BandFunction();

    public BandScoreFunction() {
        super(FunctionGroup.SCORING, "BANDSCORE", "BANDSCORE(value, \"bound1,bound2,...\", \"score0,score1,...\")",
                "The score of the band the value falls in, as a number (like BAND, which gives text): below the first bound the first score, from bound i on score i. Scores may go down (e.g. fewer points for more days without contact), e.g. for RFM points. Null where BAND gives null or a score is not a number.",
                "值所在区间对应的分数（数字；BAND 返回文本）：小于第一个界值得第一个分数，大于等于第 i 个界值得第 i 个分数。分数可以递减（如未联系天数越多分数越低），例如用于 RFM 打分。BAND 返回空或分数不是数字时返回空。",
                "BANDSCORE(DAYSSINCE(lastOrder), \"30,90,180\", \"5,3,2,1\")", "BANDSCORE(amount, \"1000,10000\", \"1,3,5\")");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        band.returnType(t);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        String label = (String) band.apply(a);
        BigDecimal b = label == null ? null : BandFunction.bound(label);
        return b == null ? null : FormulaValues.checkNumber(b.round(FormulaValues.MC));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_num(tf_band_bound(tf_band(" + a.get(0, ValueType.NUMBER) + ", " + a.get(1, ValueType.TEXT) + ", "
                + a.get(2, ValueType.TEXT) + ")))";
    }
}
