package io.tierflow.rule.function;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** LOWER(text): Converts text to lower case. Null → null. */
@ApplicationScoped
public class LowerFunction extends AbstractFormulaFunction {
    public LowerFunction() {
        super("LOWER", "LOWER(text)", "Converts text to lower case. Null gives null.", "把文本转换为小写。空值返回空。", "LOWER(email)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.TEXT);
        return ValueType.TEXT;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] == null ? null : text(a[0]).toLowerCase(Locale.ROOT);
    }
}
