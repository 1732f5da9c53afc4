package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * NETWORKDAYS(start, end): the working days (Monday to Friday) from start to end, both included, negative when end is
 * before start; constant time. SQL: tf_networkdays.
 */
@ApplicationScoped
public class NetworkDaysFunction extends AbstractFormulaFunction {
    /** 0001-01-01, a Monday: day 0 of the count. */
    private static final LocalDate DAY_ZERO = LocalDate.of(1, 1, 1);

    public NetworkDaysFunction() {
        super(FunctionGroup.DATE, "NETWORKDAYS", "NETWORKDAYS(start, end)",
                "The number of working days (Monday to Friday) from start to end, both included; negative when end is before start. Public holidays are not known. Null when either is null.",
                "从开始日期到结束日期（含两端）之间的工作日（星期一至星期五）天数；结束早于开始时为负数。不识别法定节假日。任一为空时返回空。",
                "NETWORKDAYS(createdOn, closedOn)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 2);
        expect(t, 0, ValueType.DATE, ValueType.DATETIME);
        expect(t, 1, ValueType.DATE, ValueType.DATETIME);
        return ValueType.NUMBER;
    }

    private static long before(long x) {
        return 5 * (x / 7) + Math.min(x % 7, 5);
    }

    @Override
    public Object apply(Object[] a) {
        LocalDate s = date(a[0]);
        LocalDate e = date(a[1]);
        if (s == null || e == null) {
            return null;
        }
        long x = ChronoUnit.DAYS.between(DAY_ZERO, s);
        long y = ChronoUnit.DAYS.between(DAY_ZERO, e);
        return BigDecimal.valueOf(x <= y ? before(y + 1) - before(x) : -(before(x + 1) - before(y)));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_networkdays(" + a.date(0) + ", " + a.date(1) + ")";
    }
}
