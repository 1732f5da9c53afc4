package io.tierflow.rule.function;

import java.util.List;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.ValueType;

/** A number from one DATE or DATETIME, {@code NAME(date)}: the date parts (YEAR, DAY, HOUR…) and the day counts. */
abstract class DateToNumberFunction extends AbstractFormulaFunction {

    DateToNumberFunction(String name, String en, String zh, String... examples) {
        super(FunctionGroup.DATE, name, name + "(date)", en, zh, examples);
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.DATE, ValueType.DATETIME);
        return ValueType.NUMBER;
    }
}
