package io.tierflow.form.record;

import java.time.OffsetDateTime;
import java.util.Map;

/** A record row as read from its table: system columns plus values by field id, as Java values. */
public record StoredRecord(long id, long version, long ownerId, String tier, Map<Long, Object> values,
        OffsetDateTime createdAt, Long createdBy, OffsetDateTime updatedAt, Long updatedBy) {
}
