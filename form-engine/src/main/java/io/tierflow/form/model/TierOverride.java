package io.tierflow.form.model;

import java.time.OffsetDateTime;

/**
 * A tier set by hand or by a trigger instead of the model's, until {@code until}; then the model decides again
 * (see {@code TierOverrideExpiry}). {@code reason} says who or what set it.
 */
public record TierOverride(String tier, OffsetDateTime until, String reason) {

    public boolean activeAt(OffsetDateTime now) {
        return tier != null && (until == null || until.isAfter(now));
    }
}
