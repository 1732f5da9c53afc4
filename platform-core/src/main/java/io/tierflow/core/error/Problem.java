package io.tierflow.core.error;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error the user can act on, rendered as RFC 9457 problem+json in the caller's language.
 * Services throw it; {@link ProblemMapper} renders it. Messages are codes resolved through
 * {@link io.tierflow.core.i18n.Messages}, never pre-rendered text.
 */
public class Problem extends RuntimeException {

    private final int status;
    private final String code;
    private final Object[] args;
    private final List<FieldProblem> fields = new ArrayList<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(int status, String code, Object... args) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.args = args;
    }

    public static Problem badRequest(String code, Object... args) {
        return new Problem(400, code, args);
    }

    public static Problem notFound(String code, Object... args) {
        return new Problem(404, code, args);
    }

    public static Problem conflict(String code, Object... args) {
        return new Problem(409, code, args);
    }

    public static Problem forbidden(String code, Object... args) {
        return new Problem(403, code, args);
    }

    /** 422-style input errors are reported as 400 with one entry per field. */
    public static Problem invalid(List<FieldProblem> fields) {
        Problem p = new Problem(400, "core.validation.failed");
        p.fields.addAll(fields);
        return p;
    }

    public Problem field(String field, String code, Object... args) {
        fields.add(new FieldProblem(field, code, args));
        return this;
    }

    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldProblem> fields() {
        return Collections.unmodifiableList(fields);
    }

    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }
}
