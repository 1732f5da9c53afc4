package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaEvaluationException;
import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * REPT(text, times): the text repeated (times truncated; 0 or less → ""); a result over the text limit is refused
 * before it is built. Null → null. SQL: tf_rept.
 */
@ApplicationScoped
public class ReptFunction extends AbstractFormulaFunction {
    public ReptFunction() {
        super(FunctionGroup.TEXT, "REPT", "REPT(text, times)",
                "The text repeated the given number of times (0 or less gives empty text), e.g. for star ratings. The result may have at most 10,000 characters. Null gives null.",
                "把文本重复指定次数（0 或负数得到空文本），例如用于星级显示。结果最多 10,000 个字符。空值返回空。",
                "REPT(\"★\", stars)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 2);
        expect(t, 0, ValueType.TEXT);
        expect(t, 1, ValueType.NUMBER);
        return ValueType.TEXT;
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null || a[1] == null) {
            return null;
        }
        String s = text(a[0]);
        int n = count(num(a[1]));
        if (n == 0 || s.isEmpty()) {
            return "";
        }
        if ((long) s.length() * n > FormulaValues.MAX_TEXT_LENGTH) {
            throw new FormulaEvaluationException("formula.eval.text-too-long", FormulaValues.MAX_TEXT_LENGTH);
        }
        return s.repeat(n);
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_rept(" + a.get(0, ValueType.TEXT) + ", " + a.get(1, ValueType.NUMBER) + ")";
    }
}
