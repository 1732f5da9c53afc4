package io.tierflow.rule.function;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** UPPER(text): Converts text to upper case. Null → null. */
@ApplicationScoped
public class UpperFunction extends AbstractFormulaFunction {
    public UpperFunction() {
        super(FunctionGroup.TEXT, "UPPER", "UPPER(text)", "Converts text to upper case. Null gives null.", "把文本转换为大写。空值返回空。", "UPPER(code)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.TEXT);
        return ValueType.TEXT;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] == null ? null : text(a[0]).toUpperCase(Locale.ROOT);
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_upper(" + a.get(0, ValueType.TEXT) + ")";
    }
}
