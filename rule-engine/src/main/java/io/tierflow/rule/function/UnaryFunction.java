package io.tierflow.rule.function;

import java.util.List;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * One number to a number ({@code NAME(number)}, group MATH) or one text to a text ({@code NAME(text)}, group TEXT):
 * null → null, else {@link #compute}. SQL: {@code <sqlFunction>(argument)}.
 *
 * @param <T> BigDecimal for NUMBER, String for TEXT
 */
abstract class UnaryFunction<T> extends AbstractFormulaFunction {
    private final ValueType type;
    private final String sqlFunction;

    UnaryFunction(String name, ValueType type, String sqlFunction, String en, String zh, String... examples) {
        super(type == ValueType.TEXT ? FunctionGroup.TEXT : FunctionGroup.MATH, name,
                name + (type == ValueType.TEXT ? "(text)" : "(number)"), en, zh, examples);
        this.type = type;
        this.sqlFunction = sqlFunction;
    }

    /** The result for a value that is not null; null when it has none. */
    abstract T compute(T value);

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, type);
        return type;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object apply(Object[] a) {
        return a[0] == null ? null : compute((T) a[0]);
    }

    @Override
    public String sql(SqlArgs a) {
        return sqlFunction + "(" + a.get(0, type) + ")";
    }
}
