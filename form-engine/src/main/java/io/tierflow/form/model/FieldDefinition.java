package io.tierflow.form.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of a form as stored. {@code key} is the builder's stable identifier (used in formulas and the
 * API); {@code column()} is what SQL sees, derived from the id only.
 */
public record FieldDefinition(long id, String key, String label, String type, boolean required, JsonNode config,
        int position) {

    public String column() {
        return "f_" + id;
    }

    public String configText(String name) {
        JsonNode v = config == null ? null : config.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
