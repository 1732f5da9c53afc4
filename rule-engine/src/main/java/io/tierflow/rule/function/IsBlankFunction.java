package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** ISBLANK(value): true for null and for text that is empty or only whitespace. */
@ApplicationScoped
public class IsBlankFunction extends AbstractFormulaFunction {
    public IsBlankFunction() {
        super(FunctionGroup.LOGIC, "ISBLANK", "ISBLANK(value)",
                "True when the value is empty: null, or text that is empty or only spaces.",
                "值为空时返回真：空值，或为空/只含空白的文本。",
                "ISBLANK(owner)", "ISBLANK(lastFollowUp)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        return ValueType.BOOLEAN;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] == null || (a[0] instanceof String s && s.isBlank());
    }

    /** Text: null or only whitespace (as String.isBlank); any other type: null. */
    @Override
    public String sql(SqlArgs a) {
        return a.type(0) == ValueType.TEXT ? "tf_is_blank(" + a.get(0) + ")"
                : "(" + a.get(0, ValueType.TEXT) + " IS NULL)";
    }
}
