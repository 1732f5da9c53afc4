package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** TRIM(text): Removes spaces at both ends of the text. Null → null. */
@ApplicationScoped
public class TrimFunction extends AbstractFormulaFunction {
    public TrimFunction() {
        super(FunctionGroup.TEXT, "TRIM", "TRIM(text)", "Removes spaces at both ends of the text. Null gives null.", "去掉文本两端的空白。空值返回空。", "TRIM(name)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.TEXT);
        return ValueType.TEXT;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] == null ? null : text(a[0]).strip();
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_strip(" + a.get(0, ValueType.TEXT) + ")";
    }
}
