package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * VALUE(text): the number written in the text, read as BAND reads its bounds ({@link BandFunction#bound}: ASCII
 * decimal, optional sign, point and exponent of up to 4 digits, at most 40 characters after trimming), rounded to 16
 * digits; anything else, or out of range → null. SQL: tf_num(tf_band_bound(…)).
 */
@ApplicationScoped
public class ValueFunction extends AbstractFormulaFunction {
    public ValueFunction() {
        super(FunctionGroup.TEXT, "VALUE", "VALUE(text)",
                "The number written in the text, e.g. \" 12.5 \" gives 12.5 and \"1e3\" gives 1000. Spaces around it are ignored; digits must be ASCII, without thousands separators. Null when the text is not such a number or is null.",
                "把文本中的数字转换为数字，如 \" 12.5 \" 得 12.5，\"1e3\" 得 1000。忽略两端的空格；数字必须是半角数字，不能有千位分隔符。文本不是这样的数字或为空时返回空。",
                "VALUE(LEFT(code, 4))", "VALUE(\"12.5\") * 2");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.TEXT);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        BigDecimal b = a[0] == null ? null : BandFunction.bound(text(a[0]));
        return b == null ? null : FormulaValues.checkNumber(b.round(FormulaValues.MC));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_num(tf_band_bound(" + a.get(0, ValueType.TEXT) + "))";
    }
}
