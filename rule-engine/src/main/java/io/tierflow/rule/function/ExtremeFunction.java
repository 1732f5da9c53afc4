package io.tierflow.rule.function;

import java.util.List;

import io.tierflow.rule.formula.FormulaRuntime;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * The smallest or largest non-null value, {@code NAME(value1, value2, …)}: numbers, dates or date-times, all of one
 * type; all null → null. SQL: {@code LEAST}/{@code GREATEST}, which also skip nulls.
 */
abstract class ExtremeFunction extends AbstractFormulaFunction {
    private final boolean largest;

    ExtremeFunction(String name, boolean largest, String en, String zh, String... examples) {
        super(FunctionGroup.MATH, name, name + "(value1, value2, ...)", en, zh, examples);
        this.largest = largest;
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, Integer.MAX_VALUE);
        expectAll(t, 0, ValueType.NUMBER, ValueType.DATE, ValueType.DATETIME);
        return unifyAll(t, 0);
    }

    @Override
    public Object apply(Object[] a) {
        Object best = null;
        for (Object o : a) {
            if (o != null && (best == null || beats(o, best))) {
                best = o;
            }
        }
        return best;
    }

    /** Strictly: of equal values (1.0 and 1.00) the first one stays. */
    private boolean beats(Object o, Object best) {
        int c = FormulaRuntime.compare(o, best);
        return largest ? c > 0 : c < 0;
    }

    @Override
    public boolean resultIsAnArgument() {
        return true;
    }

    @Override
    public String sql(SqlArgs a) {
        return (largest ? "GREATEST(" : "LEAST(") + a.list(a.resultType()) + ")";
    }
}
