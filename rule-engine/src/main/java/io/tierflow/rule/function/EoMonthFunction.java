package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/**
 * EOMONTH(date[, months]): the last day of the month that is months (default 0, truncated) after the date's month;
 * outside the date range or null → null. SQL: tf_eomonth.
 */
@ApplicationScoped
public class EoMonthFunction extends DateAndNumberFunction {
    private static final BigDecimal MAX_MONTHS = BigDecimal.valueOf(120_000);

    public EoMonthFunction() {
        super("EOMONTH", "EOMONTH(date, months)", ValueType.DATE, BigDecimal.ZERO, "tf_eomonth",
                "The last day of the month that is the given number of months (default 0; negative for earlier months) after the date's month, e.g. EOMONTH(DATE(2024, 1, 15), 1) is 2024-02-29. Null when a value is null or the result is out of range.",
                "与该日期相隔指定月数（默认 0；负数表示之前的月份）的那个月的最后一天，如 EOMONTH(DATE(2024, 1, 15), 1) 为 2024-02-29。有空值或结果超出范围时返回空。",
                "EOMONTH(TODAY())", "EOMONTH(signedOn, 3)");
    }

    @Override
    Object compute(LocalDate d, BigDecimal m) {
        if (m.abs().compareTo(MAX_MONTHS) > 0) {
            return null;
        }
        long total = d.getYear() * 12L + d.getMonthValue() - 1 + m.setScale(0, RoundingMode.DOWN).longValueExact();
        if (total < 12 || total > 9999 * 12 + 11) {
            return null;
        }
        return YearMonth.of((int) (total / 12), (int) (total % 12) + 1).atEndOfMonth();
    }
}
