package io.tierflow.form.type;

/** A value a field type refuses: a message code under {@code form.} and its arguments. */
public class FieldValueException extends Exception {

    private final String code;
    private final transient Object[] args;

    public FieldValueException(String code, Object... args) {
        super(code, null, false, false);
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
