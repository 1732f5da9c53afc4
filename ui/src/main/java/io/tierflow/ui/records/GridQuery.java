package io.tierflow.ui.records;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.TemplateData;

/**
 * What the record grid shows, as the address carries it: search {@code q}, {@code tier}, the filter bar's
 * conditions ({@code c0.field}, {@code c0.op}, {@code c0.value} — repeated for a list or a range — then
 * {@code c1.…}), or a whole filter tree in {@code filter} (JSON, as a dashboard drill-down or a saved view with
 * groups gives it), the sort ({@code sort=-revenue}), the saved view it started from ({@code view}) and the
 * page ({@code after} or, when sorted, {@code cursor}). {@code applied=1} marks state the user set here, which
 * wins over the view's own.
 *
 * <p>The conditions become one filter tree, {"and":[…]}, for {@code RecordService.list} and the export API.
 * Half-filled conditions (no operator yet, no value) are left out rather than refused, so the bar can be
 * filled in any order.
 */
@TemplateData
public final class GridQuery {

    public static final int MAX_CONDITIONS = 10;
    static final ObjectMapper JSON = new ObjectMapper();

    /** Operators that take no value, a list, a range or a number of days. */
    static final Set<String> NO_VALUE = Set.of("empty", "not_empty");
    static final Set<String> LIST = Set.of("in", "not_in", "has_any", "has_all");
    static final Set<String> RANGE = Set.of("between");
    static final Set<String> DAYS = Set.of("last_days", "next_days");

    /** One row of the filter bar. */
    @TemplateData
    public record Condition(String field, String op, List<String> values) {

        public String value() {
            return values.isEmpty() ? "" : values.get(0);
        }

        public String second() {
            return values.size() < 2 ? "" : values.get(1);
        }

        /** Whether it says enough to filter by. */
        boolean complete() {
            if (field == null || field.isBlank() || op == null || op.isBlank()) {
                return false;
            }
            List<String> given = values.stream().filter(v -> v != null && !v.isBlank()).toList();
            return NO_VALUE.contains(op) || (RANGE.contains(op) ? given.size() == 2 && values.size() == 2 : !given.isEmpty());
        }

        /** {"field":…,"op":…,"value":…} with the value shaped as the operator takes it. */
        ObjectNode json() {
            ObjectNode c = JsonNodeFactory.instance.objectNode().put("field", field).put("op", op);
            List<String> given = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
            if (LIST.contains(op)) {
                ArrayNode list = c.putArray("value");
                for (String v : given) {
                    // one box may hold several: "retail, it" or "零售，信息技术"
                    for (String part : v.split("[,，、]")) {
                        if (!part.isBlank()) {
                            list.add(part.strip());
                        }
                    }
                }
            } else if (RANGE.contains(op)) {
                c.putArray("value").add(values.get(0).strip()).add(values.get(1).strip());
            } else if (DAYS.contains(op)) {
                String v = given.get(0);
                if (v.matches("\\d{1,5}")) {
                    c.put("value", Integer.parseInt(v));
                } else {
                    c.put("value", v); // refused by the service, with its message
                }
            } else if (!NO_VALUE.contains(op)) {
                c.put("value", given.get(0));
            }
            return c;
        }

        static Condition of(JsonNode c) {
            List<String> values = new ArrayList<>();
            JsonNode v = c.get("value");
            if (v != null && v.isArray()) {
                v.forEach(e -> values.add(e.asText()));
            } else if (v != null && !v.isNull()) {
                values.add(v.asText());
            }
            return new Condition(c.path("field").asText(""), c.path("op").asText(""), values);
        }
    }

    public final String q;
    public final String tier;
    public final List<Condition> conditions;
    /** A filter tree the bar cannot show (groups, "or"): applied as it is, shown as one removable chip. */
    public final JsonNode advanced;
    public final String sort;
    public final String cursor;
    public final Long after;
    public final Integer limit;
    public final Long view;
    public final boolean applied;

    GridQuery(String q, String tier, List<Condition> conditions, JsonNode advanced, String sort, String cursor, Long after,
            Integer limit, Long view, boolean applied) {
        this.q = blankToNull(q);
        this.tier = blankToNull(tier);
        this.conditions = List.copyOf(conditions);
        this.advanced = advanced == null || advanced.isNull() || (advanced.isObject() && advanced.isEmpty()) ? null : advanced;
        this.sort = blankToNull(sort);
        this.cursor = blankToNull(cursor);
        this.after = after;
        this.limit = limit;
        this.view = view;
        this.applied = applied;
    }

    /** The grid's state from the request's query (or form) parameters. */
    public static GridQuery from(Map<String, List<String>> params) {
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < MAX_CONDITIONS * 3 && conditions.size() < MAX_CONDITIONS; i++) {
            String field = first(params, "c" + i + ".field");
            if (field == null) {
                continue;
            }
            List<String> values = params.getOrDefault("c" + i + ".value", List.of());
            conditions.add(new Condition(field, first(params, "c" + i + ".op"), List.copyOf(values)));
        }
        JsonNode advanced = null;
        String filter = first(params, "filter");
        if (filter != null && !filter.isBlank()) {
            try {
                advanced = JSON.readTree(filter);
            } catch (JsonProcessingException e) {
                advanced = null; // a mangled address: shown without that filter
            }
        }
        GridQuery q = new GridQuery(first(params, "q"), first(params, "tier"), conditions, null, first(params, "sort"),
                first(params, "cursor"), number(first(params, "after")), integer(first(params, "limit")),
                number(first(params, "view")), first(params, "applied") != null);
        return advanced == null ? q : q.withFilter(advanced);
    }

    /**
     * The same state with {@code filter} as its filter: a flat "and" of conditions (what the bar saves) goes
     * back into the bar, anything else is kept whole.
     */
    GridQuery withFilter(JsonNode filter) {
        List<Condition> bar = new ArrayList<>(conditions);
        JsonNode advanced = null;
        if (filter != null && filter.isObject() && !filter.isEmpty()) {
            JsonNode and = filter.has("and") ? filter.get("and") : null;
            List<JsonNode> parts = new ArrayList<>();
            if (and != null && and.isArray()) {
                and.forEach(parts::add);
            } else if (filter.has("field")) {
                parts.add(filter);
            }
            boolean flat = !parts.isEmpty() && parts.size() <= MAX_CONDITIONS
                    && parts.stream().allMatch(p -> p.isObject() && p.has("field") && p.has("op"));
            if (flat) {
                parts.forEach(p -> bar.add(Condition.of(p)));
            } else {
                advanced = filter;
            }
        }
        return new GridQuery(q, tier, bar, advanced, sort, cursor, after, limit, view, applied);
    }

    /** The state a saved view stands for, keeping this request's view id and page size. */
    GridQuery fromView(GridStore.SavedView v) {
        return new GridQuery(v.search(), v.tier(), List.of(), null, v.sort(), null, null, limit, v.id(), false).withFilter(v.filter());
    }

    /** The filter tree for the service and the export, or null for none. */
    public JsonNode filter() {
        List<JsonNode> parts = new ArrayList<>();
        conditions.stream().filter(Condition::complete).forEach(c -> parts.add(c.json()));
        if (advanced != null) {
            parts.add(advanced);
        }
        if (parts.isEmpty()) {
            return null;
        }
        ObjectNode and = JsonNodeFactory.instance.objectNode();
        parts.forEach(and.putArray("and")::add);
        return and;
    }

    /** The conditions the filter uses, with their place in the tree ({@code filter.and[i]}) for error messages. */
    List<Condition> applicable() {
        return conditions.stream().filter(Condition::complete).toList();
    }

    public boolean filtered() {
        return q != null || tier != null || filter() != null;
    }

    /** The sort key of {@code sort} without its direction, or null. */
    public String sortKey() {
        return sort == null ? null : sort.startsWith("-") ? sort.substring(1) : sort;
    }

    public boolean descending() {
        return sort != null && sort.startsWith("-");
    }

    /** The same state sorted by {@code sort} (null for the default order), from the first page. */
    GridQuery sorted(String sort) {
        return new GridQuery(q, tier, conditions, advanced, sort, null, null, limit, view, true);
    }

    /** The same state from the first page. */
    GridQuery firstPage() {
        return new GridQuery(q, tier, conditions, advanced, sort, null, null, limit, view, applied);
    }

    /** The same state without the filter the bar cannot show. */
    public GridQuery withoutAdvanced() {
        return new GridQuery(q, tier, conditions, null, sort, cursor, after, limit, view, true);
    }

    /** The address's query for this state ("?q=…&c0.field=…"), starting at the page after {@code after}/{@code cursor}. */
    public String query(Long nextAfter, String nextCursor) {
        Map<String, List<String>> p = params();
        put(p, "after", nextAfter == null ? null : nextAfter.toString());
        put(p, "cursor", nextCursor);
        return encode(p);
    }

    /** The address's query for this state from its first page. */
    public String query() {
        return query(null, null);
    }

    /** The parameters of this state (without the page). */
    Map<String, List<String>> params() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        put(p, "view", view == null ? null : view.toString());
        if (applied || view == null) {
            put(p, "applied", applied ? "1" : null);
            put(p, "q", q);
            put(p, "tier", tier);
            int i = 0;
            for (Condition c : conditions) {
                put(p, "c" + i + ".field", c.field());
                put(p, "c" + i + ".op", c.op());
                if (!c.values().isEmpty()) {
                    p.put("c" + i + ".value", c.values());
                }
                i++;
            }
            put(p, "filter", advanced == null ? null : advanced.toString());
            put(p, "sort", sort);
        }
        put(p, "limit", limit == null ? null : limit.toString());
        return p;
    }

    static String encode(Map<String, List<String>> params) {
        StringBuilder s = new StringBuilder();
        params.forEach((name, values) -> {
            for (String v : values) {
                if (v != null) {
                    s.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            }
        });
        return s.isEmpty() ? "" : "?" + s.substring(1);
    }

    private static void put(Map<String, List<String>> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.put(name, List.of(value));
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static Long number(String s) {
        return s != null && s.matches("\\d{1,18}") ? Long.parseLong(s) : null;
    }

    private static Integer integer(String s) {
        return s != null && s.matches("\\d{1,4}") ? Integer.parseInt(s) : null;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
