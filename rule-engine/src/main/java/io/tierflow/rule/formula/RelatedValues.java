package io.tierflow.rule.formula;

import java.util.List;
import java.util.Map;

/**
 * The related records a formula reads through its {@link Link}s ({@link CompiledFormula#links()}), values by field
 * id as for the record itself. The caller loads them; trashed records are left out.
 */
public interface RelatedValues {
    /** No related records: ONE links read null, MANY links are empty. */
    RelatedValues NONE = new RelatedValues() {
        @Override
        public Map<Long, Object> one(String linkKey) {
            return null;
        }

        @Override
        public List<Map<Long, Object>> many(String linkKey) {
            return List.of();
        }
    };

    /** The record a ONE link points to, or null when there is none. */
    Map<Long, Object> one(String linkKey);

    /** The records of a MANY link, oldest first (by creation time, then id), as LATEST reads them. */
    List<Map<Long, Object>> many(String linkKey);
}
