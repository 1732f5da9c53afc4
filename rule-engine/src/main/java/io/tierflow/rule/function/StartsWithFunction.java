package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** STARTSWITH(text, prefix): case-sensitive; null → false. SQL: tf_starts. */
@ApplicationScoped
public class StartsWithFunction extends AbstractFormulaFunction {
    public StartsWithFunction() {
        super(FunctionGroup.TEXT, "STARTSWITH", "STARTSWITH(text, prefix)",
                "True when the text begins with the prefix (case-sensitive). False when either is null.",
                "文本以指定前缀开头时返回真（区分大小写）。任一为空时返回假。",
                "STARTSWITH(phone, \"138\")");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 2);
        expectAll(t, 0, ValueType.TEXT);
        return ValueType.BOOLEAN;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] != null && a[1] != null && text(a[0]).startsWith(text(a[1]));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_starts(" + a.list(ValueType.TEXT) + ")";
    }
}
