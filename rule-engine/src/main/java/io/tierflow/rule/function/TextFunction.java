package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * TEXT(value[, format]): a value as text. Without a format, the text form CONCAT uses. With a format (at most 40
 * characters; anything outside the small set below gives null, as does a number format for a date and the other
 * way round; a null value gives "" like CONCAT):
 * <ul>
 *   <li>numbers: {@code 0}, {@code 0.0} … {@code 0.0000000000} (decimals, rounded half up like ROUND), each
 *   optionally with {@code #,##} in front (thousands separated by commas: {@code #,##0.00}) and {@code %} after
 *   (the number times 100: {@code 0.0%});</li>
 *   <li>dates and date-times (seen in the formula's time zone): {@code yyyy} / {@code yy} year, {@code M} /
 *   {@code MM} month, {@code d} / {@code dd} day, {@code H} / {@code HH} hour (0-23), {@code m} / {@code mm} minute,
 *   {@code s} / {@code ss} second ({@code y} and {@code d} also in upper case), separated by
 *   {@code - / . : T 年 月 日 时 分 秒} and spaces.</li>
 * </ul>
 * Formats are read the same way by both back ends (SQL: tf_text_fmt_num, tf_text_fmt_ts; no locale or to_char).
 */
@ApplicationScoped
public class TextFunction extends AbstractFormulaFunction {
    static final int MAX_FORMAT = 40;
    private static final Pattern NUMBER_FORMAT = Pattern.compile("(#,##)?0(?:\\.(0{1,10}))?(%)?");
    private static final String SEPARATORS = "-/.: T年月日时分秒";

    public TextFunction() {
        super(FunctionGroup.TEXT, "TEXT", "TEXT(value, format)",
                "The value as text. Without a format, as CONCAT writes it. Number formats: \"0\", \"0.00\" (decimals, rounded half up), \"#,##0.00\" (thousands separators), \"0.0%\" (percent). Date formats: yyyy, yy, M, MM, d, dd, H, HH, m, mm, s, ss with - / . : T 年 月 日 时 分 秒 and spaces, e.g. \"yyyy-MM-dd HH:mm\". Null gives empty text; an unknown format gives null.",
                "把值转换为文本。不带格式时与 CONCAT 的写法相同。数字格式：\"0\"、\"0.00\"（小数位数，四舍五入）、\"#,##0.00\"（千位分隔符）、\"0.0%\"（百分比）。日期格式：yyyy、yy、M、MM、d、dd、H、HH、m、mm、s、ss，可用 - / . : T 年 月 日 时 分 秒 和空格分隔，如 \"yyyy年M月d日\"。空值返回空文本；不支持的格式返回空。",
                "TEXT(amount, \"#,##0.00\")", "TEXT(signedOn, \"yyyy年M月d日\")", "TEXT(rate, \"0.0%\")",
                "TEXT(visits)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 2);
        if (t.size() > 1) {
            expect(t, 0, ValueType.NUMBER, ValueType.DATE, ValueType.DATETIME);
            expect(t, 1, ValueType.TEXT);
        }
        return ValueType.TEXT;
    }

    @Override
    public Object apply(Object[] a) {
        if (a.length == 1 || a[0] == null) {
            return FormulaValues.toText(a[0]);
        }
        String format = text(a[1]);
        if (format == null || format.length() > MAX_FORMAT) {
            return null;
        }
        if (a[0] instanceof BigDecimal x) {
            return number(x, format);
        }
        LocalDateTime l = a[0] instanceof OffsetDateTime t ? t.toLocalDateTime() : ((LocalDate) a[0]).atStartOfDay();
        return dateTime(l, format);
    }

    static String number(BigDecimal x, String format) {
        Matcher m = NUMBER_FORMAT.matcher(format);
        if (!m.matches()) {
            return null;
        }
        int decimals = m.group(2) == null ? 0 : m.group(2).length();
        BigDecimal v = (m.group(3) == null ? x : x.movePointRight(2)).setScale(decimals, RoundingMode.HALF_UP);
        String s = v.abs().toPlainString();
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        if (m.group(1) != null) {
            StringBuilder g = new StringBuilder();
            int first = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
            g.append(whole, 0, first);
            for (int i = first; i < whole.length(); i += 3) {
                g.append(',').append(whole, i, i + 3);
            }
            whole = g.toString();
        }
        return (v.signum() < 0 ? "-" : "") + whole + (dot < 0 ? "" : s.substring(dot))
                + (m.group(3) == null ? "" : "%");
    }

    static String dateTime(LocalDateTime l, String format) {
        StringBuilder out = new StringBuilder();
        int n = format.length();
        for (int i = 0; i < n; ) {
            char c = format.charAt(i);
            int j = i;
            while (j + 1 < n && format.charAt(j + 1) == c) {
                j++;
            }
            int run = j - i + 1;
            switch (c) {
                case 'y', 'Y' -> {
                    if (run == 4) {
                        out.append(pad(l.getYear(), 4));
                    } else if (run == 2) {
                        out.append(pad(l.getYear() % 100, 2));
                    } else {
                        return null;
                    }
                }
                case 'M', 'd', 'D', 'H', 'm', 's' -> {
                    if (run > 2) {
                        return null;
                    }
                    int v = switch (c) {
                        case 'M' -> l.getMonthValue();
                        case 'd', 'D' -> l.getDayOfMonth();
                        case 'H' -> l.getHour();
                        case 'm' -> l.getMinute();
                        default -> l.getSecond();
                    };
                    out.append(run == 2 ? pad(v, 2) : Integer.toString(v));
                }
                default -> {
                    if (SEPARATORS.indexOf(c) < 0) {
                        return null;
                    }
                    out.append(String.valueOf(c).repeat(run));
                }
            }
            i = j + 1;
        }
        return out.toString();
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    @Override
    public String sql(SqlArgs a) {
        if (a.size() == 1) {
            return a.text(0);
        }
        if (a.type(0) == ValueType.NUMBER || a.type(0) == ValueType.NULL) {
            return "tf_text_fmt_num(" + a.get(0, ValueType.NUMBER) + ", " + a.get(1, ValueType.TEXT) + ")";
        }
        return "tf_text_fmt_ts(" + a.localDateTime(0) + ", " + a.get(1, ValueType.TEXT) + ")";
    }
}
