package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** RIGHT(text[, count]): the last count characters (code points; default 1, truncated, below 0 as 0). */
@ApplicationScoped
public class RightFunction extends AbstractFormulaFunction {
    public RightFunction() {
        super(FunctionGroup.TEXT, "RIGHT", "RIGHT(text, count)",
                "The last characters of the text (default 1; a Chinese character or an emoji counts as one). All of it if it is shorter. Null when the text or count is null.",
                "文本末尾的若干个字符（默认 1 个；一个汉字或表情算一个字符）。文本较短时返回整个文本。文本或个数为空时返回空。",
                "RIGHT(phone, 4)", "RIGHT(code)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 2);
        expect(t, 0, ValueType.TEXT);
        if (t.size() > 1) {
            expect(t, 1, ValueType.NUMBER);
        }
        return ValueType.TEXT;
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null || a.length > 1 && a[1] == null) {
            return null;
        }
        String s = text(a[0]);
        int n = a.length > 1 ? count(num(a[1])) : 1;
        int len = length(s);
        return n >= len ? s : s.substring(offset(s, len - n));
    }

    @Override
    public String sql(SqlArgs a) {
        String n = a.size() > 1 ? a.get(1, ValueType.NUMBER) : a.param(BigDecimal.ONE);
        return "right(" + a.get(0, ValueType.TEXT) + ", tf_count(" + n + "))";
    }
}
