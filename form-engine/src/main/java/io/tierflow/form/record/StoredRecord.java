package io.tierflow.form.record;

import io.tierflow.form.model.TierOverride;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A record row as read from its table: system columns plus values by field id, as Java values. {@code stage}
 * is its lifecycle stage, {@code tags} its tags (computed by the tier model and added by triggers) and
 * {@code override} a tier override (null when none).
 */
public record StoredRecord(long id, long version, long ownerId, String tier, Map<Long, Object> values,
        OffsetDateTime createdAt, Long createdBy, OffsetDateTime updatedAt, Long updatedBy, String stage,
        List<String> tags, TierOverride override) {

    public StoredRecord {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public StoredRecord(long id, long version, long ownerId, String tier, Map<Long, Object> values,
            OffsetDateTime createdAt, Long createdBy, OffsetDateTime updatedAt, Long updatedBy) {
        this(id, version, ownerId, tier, values, createdAt, createdBy, updatedAt, updatedBy, null, List.of(), null);
    }
}
