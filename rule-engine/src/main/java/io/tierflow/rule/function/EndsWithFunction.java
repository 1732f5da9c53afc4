package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** ENDSWITH(text, suffix): case-sensitive; null → false. SQL: tf_ends. */
@ApplicationScoped
public class EndsWithFunction extends AbstractFormulaFunction {
    public EndsWithFunction() {
        super(FunctionGroup.TEXT, "ENDSWITH", "ENDSWITH(text, suffix)",
                "True when the text ends with the suffix (case-sensitive). False when either is null.",
                "文本以指定后缀结尾时返回真（区分大小写）。任一为空时返回假。",
                "ENDSWITH(email, \"@example.com\")");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 2);
        expectAll(t, 0, ValueType.TEXT);
        return ValueType.BOOLEAN;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] != null && a[1] != null && text(a[0]).endsWith(text(a[1]));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_ends(" + a.list(ValueType.TEXT) + ")";
    }
}
