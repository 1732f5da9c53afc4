package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * FIND(part, text[, start]): the 1-based position (in code points) of the first occurrence of part in text at or
 * after start (default 1, truncated, below 1 as 1), case-sensitive; 0 when absent or start is past the end + 1; an
 * empty part is found at start. Any null → null. SQL: tf_find.
 */
@ApplicationScoped
public class FindFunction extends AbstractFormulaFunction {
    public FindFunction() {
        super(FunctionGroup.TEXT, "FIND", "FIND(part, text, start)",
                "The position (1 = first character) where part first occurs in the text, searching from position start (default 1); case-sensitive. 0 when it does not occur. Null when any argument is null.",
                "part 在文本中第一次出现的位置（1 表示第一个字符），从第 start 个字符开始查找（默认 1），区分大小写。找不到时返回 0。任一参数为空时返回空。",
                "FIND(\"@\", email)", "FIND(\"-\", code, 5)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 3);
        expect(t, 0, ValueType.TEXT);
        expect(t, 1, ValueType.TEXT);
        if (t.size() > 2) {
            expect(t, 2, ValueType.NUMBER);
        }
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        String part = text(a[0]);
        String s = text(a[1]);
        if (part == null || s == null || a.length > 2 && a[2] == null) {
            return null;
        }
        int start = a.length > 2 ? Math.max(count(num(a[2])), 1) : 1;
        if (start > length(s) + 1) {
            return BigDecimal.ZERO;
        }
        int i = s.indexOf(part, offset(s, start - 1));
        return BigDecimal.valueOf(i < 0 ? 0 : s.codePointCount(0, i) + 1);
    }

    @Override
    public String sql(SqlArgs a) {
        String start = a.size() > 2 ? a.get(2, ValueType.NUMBER) : a.param(BigDecimal.ONE);
        return "tf_find(" + a.get(0, ValueType.TEXT) + ", " + a.get(1, ValueType.TEXT) + ", " + start + ")";
    }
}
