package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coloured options of the select types ({@code config.options}: [{"key","label","color"}]). Keys are
 * stored, so relabelling an option keeps every record; input may name an option by key or by label.
 */
public final class ChoiceOptions {

    public static final ConfigOption OPTION = new ConfigOption("options", "options", List.of(), true);

    private ChoiceOptions() {
    }

    /** Option key → label, in the builder's order. */
    public static Map<String, String> of(FieldDefinition field) {
        Map<String, String> options = new LinkedHashMap<>();
        JsonNode list = field.config() == null ? null : field.config().get("options");
        if (list != null && list.isArray()) {
            for (JsonNode o : list) {
                String key = o.path("key").asText("");
                options.put(key, o.path("label").asText(key));
            }
        }
        return options;
    }

    static List<FieldProblem> check(FieldDefinition field, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode list = field.config().get("options");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(new FieldProblem(path + ".config.options", "form.field.options-required"));
            return problems;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String key = list.get(i).path("key").asText("").strip();
            if (key.isEmpty() || key.length() > 100 || key.contains(",")) {
                problems.add(new FieldProblem(path + ".config.options[" + i + "].key", "form.field.option-key-invalid"));
            } else if (!seen.add(key)) {
                problems.add(new FieldProblem(path + ".config.options[" + i + "].key", "form.field.option-duplicate", key));
            }
        }
        return problems;
    }

    /** The key of the option named by {@code text} (its key or its label). */
    static String key(FieldDefinition field, String text) throws FieldValueException {
        Map<String, String> options = of(field);
        if (options.containsKey(text)) {
            return text;
        }
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (o.getValue().equals(text)) {
                return o.getKey();
            }
        }
        throw new FieldValueException("form.value.not-an-option", String.join(", ", options.values()));
    }
}
