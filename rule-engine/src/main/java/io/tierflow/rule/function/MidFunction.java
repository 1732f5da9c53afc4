package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * MID(text, start, count): count characters (code points) from position start (1-based; truncated, below 1 as 1;
 * count below 0 as 0); any null → null. SQL: tf_mid.
 */
@ApplicationScoped
public class MidFunction extends AbstractFormulaFunction {
    public MidFunction() {
        super(FunctionGroup.TEXT, "MID", "MID(text, start, count)",
                "The given number of characters from position start on (1 is the first character). Empty text when start is past the end. Null when any argument is null.",
                "从第 start 个字符起（1 表示第一个字符）取若干个字符。起始位置超出文本长度时返回空文本。任一参数为空时返回空。",
                "MID(idNumber, 7, 8)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 3, 3);
        expect(t, 0, ValueType.TEXT);
        expect(t, 1, ValueType.NUMBER);
        expect(t, 2, ValueType.NUMBER);
        return ValueType.TEXT;
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null || a[1] == null || a[2] == null) {
            return null;
        }
        String s = text(a[0]);
        int from = offset(s, Math.max(count(num(a[1])), 1) - 1);
        String rest = s.substring(from);
        return leftChars(rest, count(num(a[2])));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_mid(" + a.get(0, ValueType.TEXT) + ", " + a.get(1, ValueType.NUMBER) + ", "
                + a.get(2, ValueType.NUMBER) + ")";
    }
}
