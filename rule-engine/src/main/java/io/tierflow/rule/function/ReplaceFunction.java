package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaEvaluationException;
import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * REPLACE(text, old, new): every occurrence of old, left to right, replaced by new, literally (no patterns). Null
 * text → null; null or empty old leaves the text; null new counts as "". A result over the text limit is refused
 * before it is built (memory stays bounded). SQL: tf_replace.
 */
@ApplicationScoped
public class ReplaceFunction extends AbstractFormulaFunction {
    public ReplaceFunction() {
        super(FunctionGroup.TEXT, "REPLACE", "REPLACE(text, old, new)",
                "Replaces every occurrence of old in the text by new, exactly as written (no wildcards or patterns). An empty old leaves the text unchanged; a null new counts as empty text. Null text gives null.",
                "把文本中所有的 old 替换为 new，按字面匹配（不支持通配符或正则）。old 为空时文本不变；new 为空值时视为空文本。文本为空时返回空。",
                "REPLACE(phone, \"-\", \"\")", "REPLACE(name, \"有限公司\", \"\")");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 3, 3);
        expectAll(t, 0, ValueType.TEXT);
        return ValueType.TEXT;
    }

    @Override
    public Object apply(Object[] a) {
        String s = text(a[0]);
        String old = text(a[1]);
        if (s == null || old == null || old.isEmpty()) {
            return s;
        }
        String by = a[2] == null ? "" : text(a[2]);
        long hits = 0;
        for (int i = s.indexOf(old); i >= 0; i = s.indexOf(old, i + old.length())) {
            hits++;
        }
        if (s.length() + hits * (by.length() - old.length()) > FormulaValues.MAX_TEXT_LENGTH) {
            throw new FormulaEvaluationException("formula.eval.text-too-long", FormulaValues.MAX_TEXT_LENGTH);
        }
        return s.replace(old, by);
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_replace(" + a.list(ValueType.TEXT) + ")";
    }
}
