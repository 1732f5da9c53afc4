package io.tierflow.rule.function;

import java.util.List;

import io.tierflow.rule.formula.FormulaRuntime;
import io.tierflow.rule.formula.ValueType;

/**
 * The smallest or largest non-null value over the matching related records: numbers, dates or date-times, ordered
 * as formulas compare them ({@link FormulaRuntime#compare}); none → null. SQL: {@code min}/{@code max}.
 */
abstract class ExtremeAggregate extends AbstractRelationAggregate {
    private final boolean largest;

    ExtremeAggregate(String name, boolean largest, String en, String zh, String... examples) {
        super(name, name + "(list.value, condition)", en, zh, examples);
        this.largest = largest;
    }

    @Override
    public ValueType returnType(ValueType valueType) {
        return valueOf(valueType, ValueType.NUMBER, ValueType.DATE, ValueType.DATETIME);
    }

    @Override
    public Object fold(List<Object> values) {
        Object best = null;
        for (Object v : present(values)) {
            int c = best == null ? 0 : FormulaRuntime.compare(v, best);
            if (best == null || (largest ? c > 0 : c < 0)) {
                best = v;
            }
        }
        return best;
    }

    @Override
    public String sql() {
        return largest ? "max(x.v)" : "min(x.v)";
    }
}
