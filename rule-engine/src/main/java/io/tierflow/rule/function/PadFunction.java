package io.tierflow.rule.function;

import java.util.List;

import io.tierflow.rule.formula.FormulaEvaluationException;
import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * LPAD and RPAD: {@code NAME(text, length[, pad])} fills the text on one side with pad (default a space; repeated and
 * cut to fit) up to length characters (code points). A text that is already long enough, and a null or empty pad,
 * leave the text as it is; null text or length → null. A length over the text limit with padding to do is refused
 * before anything is built. SQL: tf_lpad, tf_rpad.
 */
abstract class PadFunction extends AbstractFormulaFunction {
    private final boolean left;

    PadFunction(boolean left, String en, String zh, String... examples) {
        super(FunctionGroup.TEXT, left ? "LPAD" : "RPAD", (left ? "LPAD" : "RPAD") + "(text, length, pad)", en, zh,
                examples);
        this.left = left;
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 3);
        expect(t, 0, ValueType.TEXT);
        expect(t, 1, ValueType.NUMBER);
        if (t.size() > 2) {
            expect(t, 2, ValueType.TEXT);
        }
        return ValueType.TEXT;
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null || a[1] == null) {
            return null;
        }
        String s = text(a[0]);
        String pad = a.length > 2 ? text(a[2]) : " ";
        int n = count(num(a[1]));
        int len = length(s);
        if (pad == null || pad.isEmpty() || len >= n) {
            return s;
        }
        if (n > FormulaValues.MAX_TEXT_LENGTH) {
            throw new FormulaEvaluationException("formula.eval.text-too-long", FormulaValues.MAX_TEXT_LENGTH);
        }
        int need = n - len;
        int padLength = length(pad);
        String f = leftChars(pad.repeat((need + padLength - 1) / padLength), need);
        return left ? f + s : s + f;
    }

    @Override
    public String sql(SqlArgs a) {
        String pad = a.size() > 2 ? a.get(2, ValueType.TEXT) : a.param(" ");
        return (left ? "tf_lpad(" : "tf_rpad(") + a.get(0, ValueType.TEXT) + ", " + a.get(1, ValueType.NUMBER) + ", "
                + pad + ")";
    }
}
