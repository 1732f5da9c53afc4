package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** LEFT(text[, count]): the first count characters (code points; default 1, truncated, below 0 as 0); null → null. */
@ApplicationScoped
public class LeftFunction extends AbstractFormulaFunction {
    public LeftFunction() {
        super(FunctionGroup.TEXT, "LEFT", "LEFT(text, count)",
                "The first characters of the text (default 1; a Chinese character or an emoji counts as one). All of it if it is shorter. Null when the text or count is null.",
                "文本开头的若干个字符（默认 1 个；一个汉字或表情算一个字符）。文本较短时返回整个文本。文本或个数为空时返回空。",
                "LEFT(phone, 3)", "LEFT(name)");
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
        return leftChars(text(a[0]), a.length > 1 ? count(num(a[1])) : 1);
    }

    @Override
    public String sql(SqlArgs a) {
        String n = a.size() > 1 ? a.get(1, ValueType.NUMBER) : a.param(BigDecimal.ONE);
        return "left(" + a.get(0, ValueType.TEXT) + ", tf_count(" + n + "))";
    }
}
