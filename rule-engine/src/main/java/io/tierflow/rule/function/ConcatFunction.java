package io.tierflow.rule.function;

import java.util.List;

import io.tierflow.rule.formula.FormulaEvaluationException;
import io.tierflow.rule.formula.FormulaValues;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** CONCAT(a, b, …): joins the values as text (null → ""); at most 10,000 characters. */
@ApplicationScoped
public class ConcatFunction extends AbstractFormulaFunction {
    public ConcatFunction() {
        super(FunctionGroup.TEXT, "CONCAT", "CONCAT(value1, value2, ...)",
                "Joins the values as text; null counts as empty text. The result may have at most 10,000 characters.",
                "把各值连接成文本，空值视为空文本。结果最多 10,000 个字符。",
                "CONCAT(name, \" - \", tier)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, Integer.MAX_VALUE);
        return ValueType.TEXT;
    }

    @Override
    public Object apply(Object[] a) {
        StringBuilder sb = new StringBuilder();
        for (Object o : a) {
            String s = FormulaValues.toText(o);
            if (sb.length() + s.length() > FormulaValues.MAX_TEXT_LENGTH) {
                throw new FormulaEvaluationException("formula.eval.text-too-long", FormulaValues.MAX_TEXT_LENGTH);
            }
            sb.append(s);
        }
        return sb.toString();
    }

    @Override
    public String sql(SqlArgs a) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < a.size(); i++) {
            sb.append(i == 0 ? "" : " || ").append(a.text(i));
        }
        return sb.append(")").toString();
    }
}
