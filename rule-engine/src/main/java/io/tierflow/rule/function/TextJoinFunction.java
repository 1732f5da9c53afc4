package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaEvaluationException;
import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * TEXTJOIN(separator, value1, …): the text forms of the values (as CONCAT makes them) that are not empty, joined by
 * the separator (null counts as ""). At most 10,000 characters. SQL: concat_ws over tf_nonempty.
 */
@ApplicationScoped
public class TextJoinFunction extends AbstractFormulaFunction {
    public TextJoinFunction() {
        super(FunctionGroup.TEXT, "TEXTJOIN", "TEXTJOIN(separator, value1, value2, ...)",
                "Joins the values as text with the separator between them, leaving out null and empty values (so no doubled separators). The result may have at most 10,000 characters.",
                "用分隔符把各值连接成文本，跳过空值和空文本（不会出现连续的分隔符）。结果最多 10,000 个字符。",
                "TEXTJOIN(\"、\", province, city, district)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, Integer.MAX_VALUE);
        expect(t, 0, ValueType.TEXT);
        return ValueType.TEXT;
    }

    @Override
    public Object apply(Object[] a) {
        String sep = FormulaValues.toText(a[0]);
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (int i = 1; i < a.length; i++) {
            String s = FormulaValues.toText(a[i]);
            if (s.isEmpty()) {
                continue;
            }
            if ((long) sb.length() + (first ? 0 : sep.length()) + s.length() > FormulaValues.MAX_TEXT_LENGTH) {
                throw new FormulaEvaluationException("formula.eval.text-too-long", FormulaValues.MAX_TEXT_LENGTH);
            }
            sb.append(first ? "" : sep).append(s);
            first = false;
        }
        return sb.toString();
    }

    @Override
    public String sql(SqlArgs a) {
        StringBuilder sb = new StringBuilder("concat_ws(").append(a.text(0));
        for (int i = 1; i < a.size(); i++) {
            sb.append(", tf_nonempty(").append(a.text(i)).append(")");
        }
        return sb.append(")").toString();
    }
}
