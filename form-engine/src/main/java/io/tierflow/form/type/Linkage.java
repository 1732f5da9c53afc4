package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A field's data linkage (数据联动), the common option {@code linkage}:
 * {@code {"form": "customer", "match": [{"theirs": "name", "ours": "customer_name"}], "take": "phone"}}.
 * When every {@code ours} field has a value and a record of {@code form} that the writer may see has the same
 * values in the {@code theirs} fields, this field takes that record's {@code take} value, converted by this
 * field's type. It fills only an empty field or one whose value came from linkage: a value the user typed over
 * it is kept. Several matching records: the most recently changed one. The designer may store the setting as
 * JSON text; both forms are read.
 */
public record Linkage(String form, List<Pair> match, String take) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One matching condition: their field equals ours. */
    public record Pair(String theirs, String ours) {
    }

    /** The field's linkage, if it has a well-formed one. */
    public static Optional<Linkage> of(FieldDefinition field) {
        JsonNode node = node(field);
        if (node == null || !shapeProblems(node, "").isEmpty()) {
            return Optional.empty();
        }
        List<Pair> pairs = new ArrayList<>();
        node.get("match").forEach(p -> pairs.add(new Pair(p.get("theirs").asText(), p.get("ours").asText())));
        return Optional.of(new Linkage(node.get("form").asText(), List.copyOf(pairs), node.get("take").asText()));
    }

    /** The keys of our fields this linkage reads. */
    public List<String> ours() {
        return match.stream().map(Pair::ours).toList();
    }

    /** What is wrong with the setting's shape alone (the forms and fields it names are checked on save). */
    public static List<FieldProblem> shapeProblems(FieldDefinition field, String path) {
        JsonNode node = node(field);
        return node == null ? List.of() : shapeProblems(node, path);
    }

    private static List<FieldProblem> shapeProblems(JsonNode node, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!node.isObject()) {
            return List.of(new FieldProblem(path, "form.linkage.not-an-object"));
        }
        if (!text(node.get("form"))) {
            problems.add(new FieldProblem(path + ".form", "form.relation.form-required"));
        }
        JsonNode match = node.get("match");
        if (match == null || !match.isArray() || match.isEmpty()) {
            problems.add(new FieldProblem(path + ".match", "form.linkage.match-required"));
        } else {
            for (int i = 0; i < match.size(); i++) {
                JsonNode pair = match.get(i);
                if (!pair.isObject() || !text(pair.get("theirs"))) {
                    problems.add(new FieldProblem(path + ".match[" + i + "].theirs", "form.linkage.field-required"));
                }
                if (!pair.isObject() || !text(pair.get("ours"))) {
                    problems.add(new FieldProblem(path + ".match[" + i + "].ours", "form.linkage.field-required"));
                }
            }
        }
        if (!text(node.get("take"))) {
            problems.add(new FieldProblem(path + ".take", "form.linkage.field-required"));
        }
        return problems;
    }

    private static boolean text(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isBlank();
    }

    /** The setting as JSON: an object, or the designer's text holding one; null when there is none. */
    private static JsonNode node(FieldDefinition field) {
        JsonNode node = field.config() == null ? null : field.config().get(CommonOptions.LINKAGE);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        if (node.isTextual()) {
            try {
                return JSON.readTree(node.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return com.fasterxml.jackson.databind.node.TextNode.valueOf(node.asText());
            }
        }
        return node;
    }
}
