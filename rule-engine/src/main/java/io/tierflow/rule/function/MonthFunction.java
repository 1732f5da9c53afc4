package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** MONTH(date): The month (1-12) of a date or date-time. Null → null. A date-time counts in the formula's time zone. */
@ApplicationScoped
public class MonthFunction extends AbstractFormulaFunction {
    public MonthFunction() {
        super(FunctionGroup.DATE, "MONTH", "MONTH(date)", "The month (1-12) of a date or date-time. Null gives null.", "日期或日期时间的月份（1-12）。空值返回空。", "MONTH(signedOn)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.DATE, ValueType.DATETIME);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] == null ? null : BigDecimal.valueOf(date(a[0]).getMonthValue());
    }

    @Override
    public String sql(SqlArgs a) {
        return "CAST(extract(month FROM " + a.date(0) + ") AS numeric)";
    }
}
