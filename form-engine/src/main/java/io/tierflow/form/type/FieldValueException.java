package io.tierflow.form.type;

import java.util.ArrayList;
import java.util.List;

/**
 * A value a field type refuses: a message code under {@code form.} and its arguments. A value with parts (a
 * sub-table's cells) says where inside it each problem is: {@link #path()} is appended to the field's own path
 * ({@code values.items} + {@code [2].qty}), and {@link #all()} lists every problem found, not just the first.
 */
public class FieldValueException extends Exception {

    private final String code;
    private final transient Object[] args;
    private final String path;
    private final transient List<FieldValueException> all;

    public FieldValueException(String code, Object... args) {
        this("", code, args, null);
    }

    private FieldValueException(String path, String code, Object[] args, List<FieldValueException> all) {
        super(code, null, false, false);
        this.code = code;
        this.args = args;
        this.path = path;
        this.all = all;
    }

    /** Several problems inside one value, each with its path; the first names the whole. */
    public static FieldValueException several(List<FieldValueException> problems) {
        FieldValueException first = problems.get(0);
        return new FieldValueException(first.path, first.code, first.args, List.copyOf(problems));
    }

    /** The same problem one level further out: {@code prefix} goes before this path ({@code [2]} + {@code .qty}). */
    public FieldValueException under(String prefix) {
        if (all == null) {
            return new FieldValueException(prefix + path, code, args, null);
        }
        List<FieldValueException> moved = new ArrayList<>();
        all.forEach(p -> moved.add(p.under(prefix)));
        return several(moved);
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    /** Where inside the value the problem is, to append to the field's path; empty for the value as a whole. */
    public String path() {
        return path;
    }

    /** Every problem found in the value (just this one for a plain value). */
    public List<FieldValueException> all() {
        return all == null ? List.of(this) : all;
    }
}
