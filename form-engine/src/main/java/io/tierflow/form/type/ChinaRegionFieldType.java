package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A place in mainland China (省/市/区), stored as a jsonb object of codes
 * {@code {"province":"310000","city":"310100","district":"310101"}} down to the field's {@code level}
 * (province, city or district; district by default) and shown as "上海市 / 市辖区 / 黄浦区". Input is that object,
 * a code, or names ("上海市/黄浦区", "上海 黄浦区"). A formula reads the deepest code as text ("310101"), so
 * {@code STARTSWITH(region, "31")} means Shanghai. Filters: {@code in} / {@code not_in} with codes or names of any
 * level, each matching records in that province, city or district.
 */
@ApplicationScoped
public class ChinaRegionFieldType implements FieldType {

    public static final String LEVEL = "level";
    /** The keys of the stored object, from the top. */
    public static final List<String> LEVELS = List.of("province", "city", "district");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return "china_region";
    }

    /** How deep the field goes: 0 province, 1 city, 2 district. */
    public static int depth(FieldDefinition field) {
        int i = LEVELS.indexOf(String.valueOf(field.configText(LEVEL)));
        return i < 0 ? 2 : i;
    }

    @Override
    public String columnType(FieldDefinition field) {
        return "jsonb";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.TEXT;
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(new ConfigOption(LEVEL, "choice:province|city|district", "district", false));
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        String level = field.configText(LEVEL);
        return level == null || LEVELS.contains(level) ? List.of()
                : List.of(new FieldProblem(path + ".config.level", "form.region.level", String.join(", ", LEVELS)));
    }

    @Override
    public List<String> operators(FieldDefinition field) {
        return List.of("in", "not_in", "empty", "not_empty");
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        if (input == null || input.isNull() || (input.isTextual() && input.asText().isBlank())) {
            return null;
        }
        if (input.isTextual() && input.asText().strip().startsWith("{")) {
            try {
                input = JSON.readTree(input.asText());
            } catch (java.io.IOException e) {
                throw new FieldValueException("form.region.unknown", input.asText());
            }
        }
        ChinaRegions.Region region;
        if (input.isObject()) {
            region = fromCodes(input);
        } else if (input.isValueNode()) {
            region = named(input.asText().strip());
        } else {
            throw new FieldValueException("form.region.unknown", input.toString());
        }
        int depth = depth(field);
        // a municipality has one city (市辖区): "上海市" is enough for a city-level field
        while (region.level() < depth && ChinaRegions.get().children(region.code()).size() == 1) {
            region = ChinaRegions.get().children(region.code()).get(0);
        }
        List<ChinaRegions.Region> path = ChinaRegions.get().path(region);
        if (path.size() <= depth) {
            String level = "form.option.level." + LEVELS.get(depth);
            throw new FieldValueException("form.region.incomplete",
                    (io.tierflow.core.i18n.LocalizedArgument) locale -> io.tierflow.core.i18n.Messages.text(locale, level));
        }
        Map<String, Object> value = new LinkedHashMap<>();
        for (int i = 0; i <= depth; i++) {
            value.put(LEVELS.get(i), path.get(i).code());
        }
        return value;
    }

    /** The deepest region the object names; each level must lie within the one above. */
    private static ChinaRegions.Region fromCodes(JsonNode codes) throws FieldValueException {
        ChinaRegions.Region deepest = null;
        for (String level : LEVELS) {
            JsonNode code = codes.get(level);
            if (code == null || code.isNull() || code.asText().isBlank()) {
                break;
            }
            ChinaRegions.Region r = ChinaRegions.get().find(code.asText())
                    .filter(x -> x.level() == LEVELS.indexOf(level))
                    .orElseThrow(() -> new FieldValueException("form.region.unknown", code.asText()));
            if (deepest != null && !deepest.code().equals(r.parent())) {
                throw new FieldValueException("form.region.mismatch", r.name(), deepest.name());
            }
            deepest = r;
        }
        if (deepest == null) {
            throw new FieldValueException("form.region.unknown", codes.toString());
        }
        return deepest;
    }

    /** A code ("310101", "31") or names of the place. */
    private static ChinaRegions.Region named(String text) throws FieldValueException {
        Optional<ChinaRegions.Region> byCode = text.matches("\\d{2,9}") ? ChinaRegions.get().find(text) : Optional.empty();
        return byCode.or(() -> ChinaRegions.get().byNames(text))
                .orElseThrow(() -> new FieldValueException("form.region.unknown", text));
    }

    @Override
    public Object read(FieldDefinition field, JsonNode stored) {
        Map<String, Object> value = new LinkedHashMap<>();
        for (String level : LEVELS) {
            if (stored.hasNonNull(level)) {
                value.put(level, stored.get(level).asText());
            }
        }
        return value.isEmpty() ? null : value;
    }

    @Override
    public String display(FieldDefinition field, Object value) {
        if (!(value instanceof Map<?, ?> codes)) {
            return value == null ? null : value.toString();
        }
        List<String> names = new ArrayList<>();
        for (String level : LEVELS) {
            Object code = codes.get(level);
            if (code != null) {
                names.add(ChinaRegions.get().find(code.toString()).map(ChinaRegions.Region::name).orElse(code.toString()));
            }
        }
        return String.join(" / ", names);
    }

    @Override
    public Object formulaValue(FieldDefinition field, Object value) {
        if (!(value instanceof Map<?, ?> codes)) {
            return value;
        }
        Object deepest = null;
        for (String level : LEVELS) {
            deepest = codes.get(level) != null ? codes.get(level) : deepest;
        }
        return deepest == null ? null : deepest.toString();
    }

    @Override
    public String formulaSql(FieldDefinition field, String column) {
        return "coalesce(" + column + "->>'district', " + column + "->>'city', " + column + "->>'province')";
    }

    /** {@code in}: records in any of the named places, each compared at its own level (a province, a city…). */
    @Override
    public String filterSql(FieldDefinition field, String column, String op, JsonNode value, Function<Object, String> bind)
            throws FieldValueException {
        if (!op.equals("in") && !op.equals("not_in")) {
            return null;
        }
        if (value == null || !value.isArray() || value.isEmpty() || value.size() > 500) {
            throw new FieldValueException("form.filter.list-expected", 500);
        }
        List<String> terms = new ArrayList<>();
        for (JsonNode v : value) {
            if (!v.isValueNode()) {
                throw new FieldValueException("form.region.unknown", v.toString());
            }
            ChinaRegions.Region r = named(v.asText().strip());
            // the level is the data's, never the caller's text: it picks one of three fixed keys
            terms.add(column + "->>'" + LEVELS.get(Math.min(r.level(), 2)) + "' = " + bind.apply(r.code()));
        }
        String any = "(" + String.join(" OR ", terms) + ")";
        return op.equals("in") ? any : "(" + column + " IS NULL OR NOT " + any + ")";
    }

    @Override
    public Object filterValue(FieldDefinition field, JsonNode value) throws FieldValueException {
        return value == null || value.isNull() ? null : named(value.asText().strip()).code();
    }

    @Override
    public String widget() {
        return "region";
    }
}
