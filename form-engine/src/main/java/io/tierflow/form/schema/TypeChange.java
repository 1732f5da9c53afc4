package io.tierflow.form.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A field's new type and settings; the conversion only runs with {@code confirm} after a preview. */
public record TypeChange(String type, JsonNode config, Boolean confirm) {

    /** What converting would do: how many values convert, which fail (a sample), and that nothing is lost. */
    public record Preview(long total, long empty, long convertible, long failing, List<Failure> examples) {
    }

    /** A value that does not fit the new type, kept in the backup column when the change goes ahead. */
    public record Failure(long recordId, String value, String code, Object[] args) {
    }
}
