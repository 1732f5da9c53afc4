package io.tierflow.rule.formula;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields a formula may reference, by key (case-sensitive), and the {@link Link}s to related records it may read
 * through ({@code link.field}). Immutable.
 */
public final class FormulaScope {
    private final Map<String, FieldRef> byKey;
    private final Map<String, Link> links;
    private final RankSource ranks;

    private FormulaScope(Map<String, FieldRef> byKey, Map<String, Link> links, RankSource ranks) {
        this.byKey = byKey;
        this.links = links;
        this.ranks = ranks;
    }

    /** @throws IllegalArgumentException if two fields share a key */
    public static FormulaScope of(Collection<FieldRef> fields) {
        Map<String, FieldRef> map = new LinkedHashMap<>();
        for (FieldRef f : fields) {
            if (map.putIfAbsent(f.key(), f) != null) {
                throw new IllegalArgumentException("duplicate field key in formula scope: " + f.key());
            }
        }
        return new FormulaScope(Collections.unmodifiableMap(map), Map.of(), null);
    }

    public static FormulaScope empty() {
        return new FormulaScope(Map.of(), Map.of(), null);
    }

    /**
     * This scope with {@code links} readable as {@code key.field}.
     *
     * @throws IllegalArgumentException if two links share a key
     */
    public FormulaScope withLinks(Collection<Link> more) {
        Map<String, Link> map = new LinkedHashMap<>(links);
        for (Link l : more) {
            if (map.putIfAbsent(l.key(), l) != null) {
                throw new IllegalArgumentException("duplicate link key in formula scope: " + l.key());
            }
        }
        return new FormulaScope(byKey, Collections.unmodifiableMap(map), ranks);
    }

    /** This scope with PERCENTRANK available, ranking against {@code source}'s percentiles (tier models). */
    public FormulaScope withRanks(RankSource source) {
        return new FormulaScope(byKey, links, source);
    }

    /** Where PERCENTRANK finds its percentiles; null where it is not available. */
    public RankSource ranks() {
        return ranks;
    }

    public Optional<Link> findLink(String key) {
        return Optional.ofNullable(links.get(key));
    }

    public Collection<Link> links() {
        return links.values();
    }

    public Optional<FieldRef> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public Collection<FieldRef> fields() {
        return byKey.values();
    }
}
