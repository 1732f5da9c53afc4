package io.tierflow.form.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A record as the API returns it: system columns plus values by field key, its lifecycle stage, its tags and
 * its tier override (absent when none).
 */
public record RecordView(long id, long version, long ownerId, String tier, Map<String, Object> values,
        OffsetDateTime createdAt, Long createdBy, OffsetDateTime updatedAt, Long updatedBy, String stage,
        List<String> tags, @JsonInclude(JsonInclude.Include.NON_NULL) TierOverride tierOverride) {

    public RecordView(long id, long version, long ownerId, String tier, Map<String, Object> values,
            OffsetDateTime createdAt, Long createdBy, OffsetDateTime updatedAt, Long updatedBy) {
        this(id, version, ownerId, tier, values, createdAt, createdBy, updatedAt, updatedBy, null, List.of(), null);
    }

    /** The same record showing only {@code shown} (hidden or unselected fields left out). */
    public RecordView withValues(Map<String, Object> shown) {
        return new RecordView(id, version, ownerId, tier, shown, createdAt, createdBy, updatedAt, updatedBy, stage, tags,
                tierOverride);
    }
}
