package io.tierflow.rule.formula;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The fields a formula may reference, by key (case-sensitive). Immutable. */
public final class FormulaScope {
    private final Map<String, FieldRef> byKey;

    private FormulaScope(Map<String, FieldRef> byKey) {
        this.byKey = byKey;
    }

    /** @throws IllegalArgumentException if two fields share a key */
    public static FormulaScope of(Collection<FieldRef> fields) {
        Map<String, FieldRef> map = new LinkedHashMap<>();
        for (FieldRef f : fields) {
            if (map.putIfAbsent(f.key(), f) != null) {
                throw new IllegalArgumentException("duplicate field key in formula scope: " + f.key());
            }
        }
        return new FormulaScope(Collections.unmodifiableMap(map));
    }

    public static FormulaScope empty() {
        return new FormulaScope(Map.of());
    }

    public Optional<FieldRef> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public Collection<FieldRef> fields() {
        return byKey.values();
    }
}
