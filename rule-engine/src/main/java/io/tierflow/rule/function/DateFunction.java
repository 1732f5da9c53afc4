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
 * DATE(year, month, day): each truncated toward zero; months outside 1..12 roll over into the years (month 13 is
 * January of the next year, month 0 December of the one before) and days outside the month into the months (day 0 is
 * the last day of the month before), as in spreadsheets. After rolling the months the year must be 1..9999; a result
 * outside the date range, or any null, gives null. SQL: tf_make_date.
 */
@ApplicationScoped
public class DateFunction extends AbstractFormulaFunction {
    private static final BigDecimal MAX_YEAR = BigDecimal.valueOf(100_000);
    private static final BigDecimal MAX_MONTH = BigDecimal.valueOf(1_200_000);
    private static final BigDecimal MAX_DAY = BigDecimal.valueOf(4_000_000);

    public DateFunction() {
        super(FunctionGroup.DATE, "DATE", "DATE(year, month, day)",
                "The date of the given year, month and day. Months beyond 1-12 and days beyond the month roll over (DATE(2024, 13, 1) is 2025-01-01, DATE(2024, 3, 0) is 2024-02-29). Null when any is null or the date is out of range.",
                "由年、月、日组成的日期。超出 1-12 的月份和超出当月的天数会顺延（DATE(2024, 13, 1) 为 2025-01-01，DATE(2024, 3, 0) 为 2024-02-29）。任一为空或日期超出范围时返回空。",
                "DATE(YEAR(TODAY()), 12, 31)", "DATE(YEAR(signedOn), MONTH(signedOn) + 1, 1)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 3, 3);
        expectAll(t, 0, ValueType.NUMBER);
        return ValueType.DATE;
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null || a[1] == null || a[2] == null) {
            return null;
        }
        BigDecimal y = num(a[0]);
        BigDecimal m = num(a[1]);
        BigDecimal d = num(a[2]);
        if (y.abs().compareTo(MAX_YEAR) > 0 || m.abs().compareTo(MAX_MONTH) > 0 || d.abs().compareTo(MAX_DAY) > 0) {
            return null;
        }
        long total = y.setScale(0, RoundingMode.DOWN).longValueExact() * 12
                + m.setScale(0, RoundingMode.DOWN).longValueExact() - 1;
        if (total < 12 || total > 9999 * 12 + 11) {
            return null;
        }
        LocalDate first = LocalDate.of((int) (total / 12), (int) (total % 12) + 1, 1);
        return FormulaRuntime.datePlus(first, d.setScale(0, RoundingMode.DOWN).subtract(BigDecimal.ONE));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_make_date(" + a.list(ValueType.NUMBER) + ")";
    }
}
