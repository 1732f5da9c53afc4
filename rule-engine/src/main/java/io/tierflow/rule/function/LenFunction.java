package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** LEN(text): number of characters (Unicode code points); null → 0. */
@ApplicationScoped
public class LenFunction extends AbstractFormulaFunction {
    public LenFunction() {
        super(FunctionGroup.TEXT, "LEN", "LEN(text)",
                "The number of characters in the text (a Chinese character counts as one). Null counts as empty text (0).",
                "文本的字符数（一个汉字算一个字符）。空值视为空文本（0）。",
                "LEN(phone)", "LEN(remark) > 100");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.TEXT);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        String s = text(a[0]);
        return BigDecimal.valueOf(s == null ? 0 : s.codePointCount(0, s.length()));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_len(" + a.get(0, ValueType.TEXT) + ")";
    }
}
