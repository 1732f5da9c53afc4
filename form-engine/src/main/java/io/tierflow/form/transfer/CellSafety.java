package io.tierflow.form.transfer;

import java.util.regex.Pattern;

/**
 * Spreadsheet formula injection ("CSV injection"): Excel and LibreOffice run a cell that starts with
 * {@code = + - @} (or a tab or carriage return before one) as a formula, so an exported value such as
 * {@code =HYPERLINK(...)} typed by one user would run on the machine of whoever opens the export. Exports
 * prefix such cells with {@code '}; imports take that prefix off again, so a round trip keeps the value.
 */
final class CellSafety {

    private static final String TRIGGERS = "=+-@\t\r";

    /** A plain number (-5, -1,200.50, -12.5%) starts with '-' but cannot be a formula; it stays a number. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?%?");

    private CellSafety() {
    }

    static String neutralise(String text) {
        if (text == null || text.isEmpty() || TRIGGERS.indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    /** Undoes {@link #neutralise}: a {@code '} before anything other than a trigger is the user's own and stays. */
    static String restore(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'' && TRIGGERS.indexOf(text.charAt(1)) >= 0) {
            return text.substring(1);
        }
        return text;
    }
}
