package io.tierflow.form.schema;

import com.fasterxml.jackson.databind.JsonNode;

/** A field as a builder submits it. */
public record FieldInput(String key, String label, String type, Boolean required, JsonNode config) {
}
