package io.tierflow.form.transfer;

/**
 * The XLSX number format that makes a number cell look like its field type's display text, derived from that
 * text: "¥1,200.50" gives {@code "¥"#,##0.00}, "12.5%" gives {@code 0.0"%"} (a literal %, not Excel's
 * multiply-by-100). The cell keeps the plain number, so it sums in Excel and imports back unchanged, and no
 * code here needs to know which field types exist.
 */
final class ExcelNumberFormat {

    private ExcelNumberFormat() {
    }

    /** @return null when the General format shows the number as well (no symbols, no grouping, or no digits) */
    static String of(String display) {
        if (display == null) {
            return null;
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < display.length(); i++) {
            if (Character.isDigit(display.charAt(i)) && display.charAt(i) < 128) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return null; // e.g. a rating shown as stars: the number itself reads better
        }
        // a minus sign right before the digits belongs to the number, which Excel signs itself
        int start = first > 0 && display.charAt(first - 1) == '-' ? first - 1 : first;
        String prefix = display.substring(0, start);
        String suffix = display.substring(last + 1);
        String body = display.substring(start, last + 1);
        boolean grouped = body.indexOf(',') >= 0;
        if (prefix.isEmpty() && suffix.isEmpty() && !grouped) {
            return null;
        }
        int dot = body.lastIndexOf('.');
        int decimals = dot < 0 ? 0 : body.length() - dot - 1;
        return literal(prefix) + (grouped ? "#,##0" : "0") + (decimals > 0 ? "." + "0".repeat(decimals) : "") + literal(suffix);
    }

    private static String literal(String text) {
        String clean = text.replace("\"", "").replace("\\", "");
        return clean.isEmpty() ? "" : "\"" + clean + "\"";
    }
}
