package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/**
 * WEEKNUM(date[, type]): the week number. Type 21 (the default) is ISO 8601: weeks start on Monday and week 1 holds
 * the year's first Thursday (so 2024-12-30 is in week 1 of 2025). Type 1: weeks start on Sunday, type 2: on Monday,
 * week 1 being the one holding 1 January (spreadsheets' WEEKNUM). Another type or a null → null. SQL: tf_weeknum.
 */
@ApplicationScoped
public class WeekNumFunction extends DateAndNumberFunction {
    private static final BigDecimal ISO = BigDecimal.valueOf(21);

    public WeekNumFunction() {
        super("WEEKNUM", "WEEKNUM(date, type)", ValueType.NUMBER, ISO, "tf_weeknum",
                "The week number of a date. By default (type 21) the ISO 8601 week: weeks start on Monday and week 1 holds the year's first Thursday, so the last days of December may be in week 1. Type 1: weeks start on Sunday, type 2: on Monday, week 1 holding 1 January. Null for another type or null.",
                "日期所在的周数。默认（类型 21）按 ISO 8601：每周从星期一开始，第 1 周包含当年第一个星期四，因此 12 月末的几天可能属于第 1 周。类型 1：每周从星期日开始；类型 2：从星期一开始，第 1 周包含 1 月 1 日。其他类型或空值返回空。",
                "WEEKNUM(signedOn)", "WEEKNUM(TODAY(), 2)");
    }

    @Override
    Object compute(LocalDate d, BigDecimal type) {
        int firstDay;
        if (type.compareTo(ISO) == 0) {
            return BigDecimal.valueOf(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        } else if (type.compareTo(BigDecimal.ONE) == 0) {
            firstDay = d.withDayOfYear(1).getDayOfWeek().getValue() % 7;  // days since Sunday
        } else if (type.compareTo(BigDecimal.valueOf(2)) == 0) {
            firstDay = d.withDayOfYear(1).getDayOfWeek().getValue() - 1;  // days since Monday
        } else {
            return null;
        }
        return BigDecimal.valueOf((d.getDayOfYear() - 1 + firstDay) / 7 + 1);
    }
}
