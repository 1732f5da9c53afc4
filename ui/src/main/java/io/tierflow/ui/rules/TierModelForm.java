package io.tierflow.ui.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tierflow.core.error.FieldProblem;

/**
 * The tier model editor's HTML form as the tier model's JSON, and back. Inputs are named by their path in the
 * model ({@code rules[0].condition}, {@code scores[1].dimensions[0].bands.thresholds}), so a problem the service
 * reports at {@code tierModel.<path>} lands next to the input of that name. Lists are ordered by their index and
 * renumbered from 0; rows left wholly empty are dropped. Number lists are typed as "1000, 10000" (Chinese commas
 * and spaces too). A dimension's {@code scoring} (none, bands, quintiles) decides which of its settings are kept;
 * quintile boundaries are the server's (read-only) and travel in hidden inputs.
 */
final class TierModelForm {

    static final List<String> LISTS = List.of("scores", "rules", "stages", "tags");
    static final String SCORING = "scoring";
    private static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d{1,4})\\])?");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The model and the problems found while reading it (numbers that are not numbers), by path. */
    record Parsed(ObjectNode model, List<FieldProblem> problems) {
    }

    private TierModelForm() {
    }

    static Parsed parse(Map<String, List<String>> posted) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (var e : posted.entrySet()) {
            String name = e.getKey();
            int dot = name.indexOf('[');
            if (dot < 0 || !LISTS.contains(name.substring(0, dot)) || e.getValue().isEmpty()) {
                continue;
            }
            put(tree, name, e.getValue().get(e.getValue().size() - 1));
        }
        List<FieldProblem> problems = new ArrayList<>();
        ObjectNode model = JSON.objectNode();
        for (String list : LISTS) {
            ArrayNode items = JSON.arrayNode();
            for (Object item : items(tree.get(list))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) item;
                ObjectNode node = "scores".equals(list) ? score(row, list + "[" + items.size() + "]", problems) : plain(row);
                if (node != null) {
                    items.add(node);
                }
            }
            if (!items.isEmpty()) {
                model.set(list, items);
            }
        }
        return new Parsed(model, problems);
    }

    /** Splits {@code a[1].b.c[0].d} into steps and stores {@code value} there; indices become sorted maps. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String path, String value) {
        String[] steps = path.split("\\.");
        Map<String, Object> at = tree;
        for (int i = 0; i < steps.length; i++) {
            Matcher m = STEP.matcher(steps[i]);
            if (!m.matches()) {
                return;
            }
            boolean last = i == steps.length - 1;
            if (m.group(2) != null) {
                TreeMap<Integer, Object> list = (TreeMap<Integer, Object>) at.computeIfAbsent(m.group(1), k -> new TreeMap<Integer, Object>());
                if (last) {
                    return; // a value for a whole list item is not something the form has
                }
                at = (Map<String, Object>) list.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new LinkedHashMap<String, Object>());
            } else if (last) {
                at.put(m.group(1), value);
            } else {
                Object next = at.computeIfAbsent(m.group(1), k -> new LinkedHashMap<String, Object>());
                if (!(next instanceof Map)) {
                    return;
                }
                at = (Map<String, Object>) next;
            }
        }
    }

    private static List<Object> items(Object list) {
        return list instanceof TreeMap<?, ?> m ? new ArrayList<>(m.values()) : List.of();
    }

    /** A rule, stage or tag: its text settings as they are; null when all are empty. */
    private static ObjectNode plain(Map<String, Object> row) {
        ObjectNode node = JSON.objectNode();
        row.forEach((k, v) -> {
            if (v instanceof String s && !s.isBlank()) {
                node.put(k, s.strip());
            }
        });
        return node.isEmpty() ? null : node;
    }

    private static ObjectNode score(Map<String, Object> row, String path, List<FieldProblem> problems) {
        ObjectNode node = JSON.objectNode();
        text(node, row, "key");
        text(node, row, "label");
        text(node, row, "kind");
        ArrayNode dims = JSON.arrayNode();
        for (Object d : items(row.get("dimensions"))) {
            @SuppressWarnings("unchecked")
            ObjectNode dim = dimension((Map<String, Object>) d, path + ".dimensions[" + dims.size() + "]", problems);
            if (dim != null) {
                dims.add(dim);
            }
        }
        boolean empty = node.size() == (node.has("kind") ? 1 : 0) && dims.isEmpty();
        if (empty) {
            return null;
        }
        node.set("dimensions", dims);
        return node;
    }

    private static ObjectNode dimension(Map<String, Object> row, String path, List<FieldProblem> problems) {
        ObjectNode node = JSON.objectNode();
        text(node, row, "key");
        text(node, row, "label");
        String weight = string(row.get("weight"));
        text(node, row, "formula");
        if (node.isEmpty() && weight == null) {
            return null;
        }
        if (weight != null) {
            BigDecimal w = number(weight);
            if (w == null) {
                problems.add(new FieldProblem(path + ".weight", "ui.rules.error.number", weight));
                node.put("weight", weight); // shown again as typed; never sent to the service
            } else {
                node.put("weight", w);
            }
        }
        String scoring = string(row.get(SCORING));
        if ("bands".equals(scoring) && row.get("bands") instanceof Map<?, ?> bands) {
            ObjectNode b = JSON.objectNode();
            b.set("thresholds", numbers(string(bands.get("thresholds")), path + ".bands.thresholds", problems));
            b.set("scores", numbers(string(bands.get("scores")), path + ".bands.scores", problems));
            node.set("bands", b);
        } else if ("quintiles".equals(scoring) || "percentRank".equals(scoring)) {
            // both read the direction from the same select, and keep the boundaries the server computed
            String direction = string(row.get("quintiles"));
            node.put(scoring, direction == null ? "high_is_better" : direction);
            String boundaries = string(row.get("boundaries"));
            if (boundaries != null) {
                node.set("boundaries", numbers(boundaries, path + ".boundaries", problems));
                BigDecimal over = number(string(row.get("boundariesOver")));
                if (over != null) {
                    node.put("boundariesOver", over.longValue());
                }
            }
        }
        return node;
    }

    private static void text(ObjectNode node, Map<String, Object> row, String name) {
        String s = string(row.get(name));
        if (s != null) {
            node.put(name, s);
        }
    }

    private static String string(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    private static BigDecimal number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace("，", "").replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The numbers of a list; when one is not a number, the text as typed (shown again, never sent). */
    private static JsonNode numbers(String text, String path, List<FieldProblem> problems) {
        ArrayNode out = JSON.arrayNode();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[,，;；\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(new BigDecimal(part));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(path, "ui.rules.error.number", part));
                return JSON.textNode(text);
            }
        }
        return out;
    }

    /** A number list as the form shows it: "1000, 10000, 50000". */
    static String list(JsonNode numbers) {
        if (numbers == null || !numbers.isArray()) {
            return numbers != null && numbers.isTextual() ? numbers.asText() : "";
        }
        List<String> parts = new ArrayList<>();
        numbers.forEach(n -> parts.add(n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() : n.asText()));
        return String.join(", ", parts);
    }
}
