package io.tierflow.core.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the bound values of a dynamically built native query and hands out their {@code ?n} placeholders,
 * so values never become SQL text and the numbering cannot drift.
 */
public final class OrdinalParams {

    private final List<Object> values = new ArrayList<>();

    /** Binds {@code value} and returns its placeholder; a null must be written as SQL NULL by the caller. */
    public String bind(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("bind SQL NULL literally: the reactive driver cannot type a null parameter");
        }
        values.add(value);
        return "?" + values.size();
    }

    /** The placeholder a JSON value gets, parsed by PostgreSQL as jsonb. */
    public String bindJson(String json) {
        values.add(json);
        return NativeSql.jsonParam(values.size());
    }

    public int next() {
        return values.size() + 1;
    }

    public void addAll(List<Object> more) {
        values.addAll(more);
    }

    public Object[] toArray() {
        return values.toArray();
    }
}
