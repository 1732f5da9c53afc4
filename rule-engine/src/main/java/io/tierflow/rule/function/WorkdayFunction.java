package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaRuntime;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * WORKDAY(date, days): the date that many working days (Monday to Friday; days truncated, at most 3,000,000 in size)
 * after the date, or before it for a negative number, computed in constant time. A start on a weekend counts from the
 * Friday before (forward) or the Monday after (backward); 0 keeps the date. Holidays are not known. SQL: tf_workday.
 */
@ApplicationScoped
public class WorkdayFunction extends AbstractFormulaFunction {
    private static final BigDecimal MAX_DAYS = BigDecimal.valueOf(3_000_000);

    public WorkdayFunction() {
        super(FunctionGroup.DATE, "WORKDAY", "WORKDAY(date, days)",
                "The date the given number of working days (Monday to Friday) after the date, or before it for a negative number, e.g. for follow-up deadlines. Weekends are skipped; public holidays are not known. Null when a value is null, the number is larger than 3,000,000 or the result is out of range.",
                "该日期之后（负数为之前）指定个工作日（星期一至星期五）的日期，例如用于跟进期限。跳过周末；不识别法定节假日。有空值、天数超过 3,000,000 或结果超出范围时返回空。",
                "WORKDAY(TODAY(), 3)", "WORKDAY(lastFollowUp, 5)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 2);
        expect(t, 0, ValueType.DATE, ValueType.DATETIME);
        expect(t, 1, ValueType.NUMBER);
        return ValueType.DATE;
    }

    @Override
    public Object apply(Object[] a) {
        LocalDate d = date(a[0]);
        if (d == null || a[1] == null || num(a[1]).abs().compareTo(MAX_DAYS) > 0) {
            return null;
        }
        long k = num(a[1]).setScale(0, RoundingMode.DOWN).longValueExact();
        int dow = d.getDayOfWeek().getValue();
        long delta;
        if (k == 0) {
            return d;
        } else if (k > 0) {
            int adj = dow == 6 ? -1 : dow == 7 ? -2 : 0;
            int w = dow + adj;
            int r = (int) (k % 5);
            delta = adj + 7 * (k / 5) + r + (w + r > 5 ? 2 : 0);
        } else {
            long m = -k;
            int adj = dow == 6 ? 2 : dow == 7 ? 1 : 0;
            int w = dow >= 6 ? 1 : dow;
            int r = (int) (m % 5);
            delta = adj - 7 * (m / 5) - r - (w - r < 1 ? 2 : 0);
        }
        return FormulaRuntime.datePlus(d, BigDecimal.valueOf(delta));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_workday(" + a.date(0) + ", " + a.get(1, ValueType.NUMBER) + ")";
    }
}
