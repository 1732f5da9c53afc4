package io.tierflow.rule.function;

import java.util.List;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.ValueType;

/** A logic function over conditions, {@code NAME(condition1, condition2, …)}, a null condition counting as false. */
abstract class ConditionsFunction extends AbstractFormulaFunction {

    ConditionsFunction(String name, String en, String zh, String... examples) {
        super(FunctionGroup.LOGIC, name, name + "(condition1, condition2, ...)", en, zh, examples);
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, Integer.MAX_VALUE);
        expectAll(t, 0, ValueType.BOOLEAN);
        return ValueType.BOOLEAN;
    }

    /** Whether any condition is true ({@code value} true) or any is false or null ({@code value} false). */
    static boolean anyIs(Object[] conditions, boolean value) {
        for (Object o : conditions) {
            if (truthy(o) == value) {
                return true;
            }
        }
        return false;
    }
}
