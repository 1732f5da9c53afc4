package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BinaryOperator;

import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** A number from the numbers given, {@code NAME(number1, number2, …)}. SQL: {@code <sqlFunction>(number1, …)}. */
abstract class NumbersFunction extends AbstractFormulaFunction {
    private final String sqlFunction;

    NumbersFunction(String name, String sqlFunction, String en, String zh, String... examples) {
        super(FunctionGroup.MATH, name, name + "(number1, number2, ...)", en, zh, examples);
        this.sqlFunction = sqlFunction;
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, Integer.MAX_VALUE);
        expectAll(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public String sql(SqlArgs a) {
        return sqlFunction + "(" + a.list(ValueType.NUMBER) + ")";
    }

    /**
     * The non-null numbers combined by {@code op} from {@code start} (null: from the first of them), each step
     * rounded and range-checked ({@link FormulaValues#checkNumber}); null once a step overflows.
     */
    static BigDecimal fold(Object[] a, BigDecimal start, BinaryOperator<BigDecimal> op) {
        BigDecimal r = start;
        for (Object o : a) {
            if (o != null) {
                r = r == null ? num(o) : FormulaValues.checkNumber(op.apply(r, num(o)));
                if (r == null) {
                    return null;
                }
            }
        }
        return r;
    }
}
