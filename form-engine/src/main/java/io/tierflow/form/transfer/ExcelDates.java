package io.tierflow.form.transfer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Excel stores dates as numbers (days since 1899-12-30, or 1904-01-01) and only the cell's number format
 * says a number is a date. Imports turn such cells into the text the date types parse: "2026-03-01",
 * "2026-03-01 14:30" or "14:30:05".
 */
final class ExcelDates {

    private static final LocalDate BASE_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate BASE_1904 = LocalDate.of(1904, 1, 1);
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    /** What remains of a date format once literals are gone: date and time letters, separators, CJK units. */
    private static final Pattern DATE_FORMAT = Pattern.compile("[ymdhseb\\-/.,:\\s年月日时分秒]*[ymdhs][ymdhseb0\\-/.,:\\s年月日时分秒]*");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ExcelDates() {
    }

    /** Whether a number in a cell of this format is a date or time (built-in ids, including the CJK ones, or a custom format). */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null && ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))) {
            return true;
        }
        if (format == null || format.isBlank() || format.equalsIgnoreCase("general")) {
            return false;
        }
        String f = format.split(";", 2)[0]
                .replaceAll("\"[^\"]*\"", "")          // quoted literals: "年"
                .replaceAll("\\\\.", "")               // escaped characters: \-
                .replaceAll("\\[\\$[^]]*]", "")        // locale and currency: [$-804]
                .replaceAll("\\[(h+|m+|s+)]", "h")     // elapsed time: [h]
                .replaceAll("\\[[^]]*]", "")           // colours and conditions
                .replaceAll("(?i)am/pm|a/p", "")
                .toLowerCase(java.util.Locale.ROOT);
        return !f.isBlank() && DATE_FORMAT.matcher(f).matches();
    }

    /** The serial number {@code raw} as date text; null if it is not a number. */
    static String text(String raw, boolean date1904) {
        BigDecimal serial;
        try {
            serial = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(2_958_466)) > 0) {
            return raw; // outside Excel's calendar (beyond 9999-12-31): leave it to the field's own check
        }
        long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
        // to the second, as Excel shows it: the fraction of a day is a binary double
        long seconds = serial.subtract(BigDecimal.valueOf(days)).multiply(SECONDS_PER_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (days == 0 && !date1904) {
            LocalDateTime t = LocalDate.EPOCH.atStartOfDay().plusSeconds(seconds);
            return t.toLocalTime().toString();
        }
        // Excel counts a 1900-02-29 that never was: serials below 61 are one day later than the base says
        LocalDate base = date1904 ? BASE_1904 : days < 61 ? BASE_1900.plusDays(1) : BASE_1900;
        LocalDateTime t = base.atStartOfDay().plusDays(days).plusSeconds(seconds);
        if (t.toLocalTime().toSecondOfDay() == 0) {
            return t.toLocalDate().toString();
        }
        return (t.getSecond() == 0 ? MINUTES : SECONDS).format(t);
    }
}
