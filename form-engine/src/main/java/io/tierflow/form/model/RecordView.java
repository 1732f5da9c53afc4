package io.tierflow.form.model;

import java.time.OffsetDateTime;
import java.util.Map;

/** A record as the API returns it: system columns plus values by field key. */
public record RecordView(long id, long version, long ownerId, String tier, Map<String, Object> values,
        OffsetDateTime createdAt, Long createdBy, OffsetDateTime updatedAt, Long updatedBy) {
}
