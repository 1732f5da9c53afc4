package io.tierflow.ui.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.ui.web.Pages;

/**
 * A refused save as the form shows it: a message under each field the service named
 * ({@code values.<key>}) and, above the form, whatever belongs to no input.
 *
 * @param fields messages by field key, first one per field
 * @param form   the message for the whole form, or null
 */
record FormErrors(Map<String, String> fields, String form) {

    static final FormErrors NONE = new FormErrors(Map.of(), null);

    /** Whether the page should re-render the form for this problem instead of showing an error page. */
    static boolean handles(Throwable e) {
        return e instanceof Problem p && (p.status() == 400 || p.status() == 409);
    }

    /** @param shown whether the form has an input for a field key; messages for other fields go above the form */
    static FormErrors of(Problem p, Pages pages, Predicate<String> shown) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        for (FieldProblem f : p.fields()) {
            String text = pages.text(f.code(), f.args());
            String key = f.field() != null && f.field().startsWith(RecordFields.PARAM_PREFIX)
                    ? f.field().substring(RecordFields.PARAM_PREFIX.length()) : null;
            String field = key == null ? null : key.split("[\\[.]", 2)[0];
            if (key != null && !key.equals(field) && shown.test(field)) {
                // a part of a value (a sub-table's cell "items[2].qty", a file "files[0]"): the message goes to the
                // part, whose widget marks it, and the field says which row
                fields.put(key, text);
                java.util.regex.Matcher row = java.util.regex.Pattern.compile("^\\[(\\d+)]").matcher(key.substring(field.length()));
                fields.putIfAbsent(field, row.find() ? pages.text("ui.records.part-error", Integer.parseInt(row.group(1)) + 1, text) : text);
            } else if (key != null && shown.test(key)) {
                fields.putIfAbsent(key, text);
            } else {
                other.add(text);
            }
        }
        String form = p.fields().isEmpty() ? pages.text(p.code(), p.args())
                : other.isEmpty() ? pages.text("ui.records.fix-errors", fields.keySet().stream().filter(k -> !k.contains("[")).count())
                : String.join(" ", other);
        return new FormErrors(fields, form);
    }
}
