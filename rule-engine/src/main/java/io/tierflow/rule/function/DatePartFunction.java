package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.function.ToIntFunction;

import io.tierflow.rule.formula.SqlArgs;

/**
 * One field of a DATE or DATETIME as a number ({@code NAME(date)}): a date-time is read in the formula's time zone, a
 * date at midnight; null → null. SQL: {@code extract(<field> FROM <local date-time>)}.
 */
abstract class DatePartFunction extends DateToNumberFunction {
    private final ToIntFunction<LocalDateTime> part;
    private final String sqlField;

    DatePartFunction(String name, ToIntFunction<LocalDateTime> part, String sqlField, String en, String zh,
                     String... examples) {
        super(name, en, zh, examples);
        this.part = part;
        this.sqlField = sqlField;
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null) {
            return null;
        }
        LocalDateTime l = a[0] instanceof OffsetDateTime t ? t.toLocalDateTime() : ((LocalDate) a[0]).atStartOfDay();
        return BigDecimal.valueOf(part.applyAsInt(l));
    }

    @Override
    public String sql(SqlArgs a) {
        return "CAST(floor(extract(" + sqlField + " FROM " + a.localDateTime(0) + ")) AS numeric)";
    }
}
