package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** CONTAINS(text, part): whether text contains part (case-sensitive); null → false. */
@ApplicationScoped
public class ContainsFunction extends AbstractFormulaFunction {
    public ContainsFunction() {
        super(FunctionGroup.TEXT, "CONTAINS", "CONTAINS(text, part)",
                "True when the text contains the part (case-sensitive). False when either is null.",
                "文本包含指定内容时返回真（区分大小写）。任一为空时返回假。",
                "CONTAINS(remark, \"投诉\")");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 2);
        expectAll(t, 0, ValueType.TEXT);
        return ValueType.BOOLEAN;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] != null && a[1] != null && text(a[0]).contains(text(a[1]));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_contains(" + a.get(0, ValueType.TEXT) + ", " + a.get(1, ValueType.TEXT) + ")";
    }
}
