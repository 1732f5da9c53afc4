package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaContext;
import io.tierflow.rule.formula.FormulaRuntime;
import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * DATEADD(date, n, unit): the date or date-time n units later (n truncated toward zero; negative for earlier). Units
 * (spaces around ignored, ASCII letters in either case): "Y" years, "Q" quarters, "M" months, "W" weeks, "D" days,
 * and for date-times also "H" hours, "MI" minutes, "S" seconds. Years, quarters and months go by the calendar (Jan 31
 * + 1 month = Feb 29 in a leap year); for a date-time on the calendar of the formula's time zone, a local time that
 * does not exist (DST gap) moving forward by the gap and an ambiguous one (DST overlap) taking the later offset.
 * Weeks, days, hours, minutes and seconds of a date-time are exact seconds, like {@code datetime + n}. An unknown
 * unit, an hour unit for a date, a null or a result out of range → null. SQL: tf_dateadd, tf_dateadd_dt.
 */
@ApplicationScoped
public class DateAddFunction extends AbstractFormulaFunction {
    private static final BigDecimal MAX_MONTHS = BigDecimal.valueOf(120_000);
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(400_000_000_000L);

    public DateAddFunction() {
        super(FunctionGroup.DATE, "DATEADD", "DATEADD(date, n, unit)",
                "The date (or date-time) n units later; negative n for earlier. Units: \"Y\" years, \"Q\" quarters, \"M\" months, \"W\" weeks, \"D\" days, and for date-times \"H\" hours, \"MI\" minutes, \"S\" seconds. Months keep the day where possible (Jan 31 + 1 month is the last day of February). Null for an unknown unit, a null or a result out of range.",
                "该日期（或日期时间）之后 n 个单位的日期；n 为负数表示之前。单位：\"Y\" 年、\"Q\" 季度、\"M\" 月、\"W\" 周、\"D\" 天，日期时间还可用 \"H\" 小时、\"MI\" 分钟、\"S\" 秒。按月计算时尽量保持日数（1 月 31 日加 1 个月为 2 月最后一天）。单位无效、有空值或结果超出范围时返回空。",
                "DATEADD(signedOn, 1, \"Y\")", "DATEADD(TODAY(), -3, \"M\")", "DATEADD(signedAt, 2, \"H\")");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 3, 3);
        expect(t, 0, ValueType.DATE, ValueType.DATETIME);
        expect(t, 1, ValueType.NUMBER);
        expect(t, 2, ValueType.TEXT);
        return t.get(0) == ValueType.NULL ? ValueType.DATE : t.get(0);
    }

    @Override
    public Object apply(Object[] a) {
        ZoneId zone = a[0] instanceof OffsetDateTime t ? t.getOffset() : java.time.ZoneOffset.UTC;
        return add(a, zone);
    }

    @Override
    public Object apply(Object[] a, FormulaContext context) {
        return add(a, context.zone());
    }

    /** Months per unit (Y, Q, M), or 0 for the others. */
    private static int months(String unit) {
        return switch (unit) {
            case "y" -> 12;
            case "q" -> 3;
            case "m" -> 1;
            default -> 0;
        };
    }

    private static long seconds(String unit) {
        return switch (unit) {
            case "w" -> 604_800;
            case "d" -> 86_400;
            case "h" -> 3_600;
            case "mi" -> 60;
            case "s" -> 1;
            default -> 0;
        };
    }

    private static Object add(Object[] a, ZoneId zone) {
        if (a[0] == null || a[1] == null || a[2] == null) {
            return null;
        }
        String unit = asciiLower(text(a[2]).trim());
        int perUnit = months(unit);
        long secondsPerUnit = seconds(unit);
        if (perUnit == 0 && secondsPerUnit == 0) {
            return null;
        }
        BigDecimal k = num(a[1]).setScale(0, RoundingMode.DOWN);
        if (a[0] instanceof LocalDate d) {
            if (perUnit == 0) {
                return secondsPerUnit % 86_400 != 0 ? null
                        : FormulaRuntime.datePlus(d, k.multiply(BigDecimal.valueOf(secondsPerUnit / 86_400)));
            }
            BigDecimal months = k.multiply(BigDecimal.valueOf(perUnit));
            if (months.abs().compareTo(MAX_MONTHS) > 0) {
                return null;
            }
            long total = d.getYear() * 12L + d.getMonthValue() - 1 + months.longValueExact();
            if (total < 12 || total > 9999 * 12 + 11) {
                return null;
            }
            return d.plusMonths(months.longValueExact());
        }
        OffsetDateTime t = (OffsetDateTime) a[0];
        if (perUnit == 0) {
            BigDecimal secs = k.multiply(BigDecimal.valueOf(secondsPerUnit));
            if (secs.abs().compareTo(MAX_SECONDS) >= 0) {
                return null;
            }
            return FormulaValues.checkDateTime(t.toInstant().plusSeconds(secs.longValueExact()), zone);
        }
        BigDecimal months = k.multiply(BigDecimal.valueOf(perUnit));
        if (months.abs().compareTo(MAX_MONTHS) > 0) {
            return null;
        }
        LocalDateTime l = t.atZoneSameInstant(zone).toLocalDateTime();
        long total = l.getYear() * 12L + l.getMonthValue() - 1 + months.longValueExact();
        if (total < 0 || total > 10000 * 12 + 11) {
            return null;
        }
        ZonedDateTime r = ZonedDateTime.ofLocal(l.plusMonths(months.longValueExact()), zone, null)
                .withLaterOffsetAtOverlap();
        return FormulaValues.checkDateTime(r.toInstant(), zone);
    }

    @Override
    public String sql(SqlArgs a) {
        String args = a.get(1, ValueType.NUMBER) + ", " + a.get(2, ValueType.TEXT);
        if (a.type(0) == ValueType.DATETIME) {
            return "tf_dateadd_dt(" + a.get(0, ValueType.DATETIME) + ", " + args + ", " + a.zone() + ")";
        }
        return "tf_dateadd(" + a.get(0, ValueType.DATE) + ", " + args + ")";
    }
}
