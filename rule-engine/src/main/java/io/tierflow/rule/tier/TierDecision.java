package io.tierflow.rule.tier;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a tier model for one record: the tier (null when no rule matched), the 0-based index of the
 * matching rule (-1 when none) and, for every rule checked in order, a map with {@code ruleIndex}, {@code tier},
 * {@code condition} (text), {@code result} (Boolean) and {@code values} (field key → value the condition read).
 * {@code scores} explains each score: {@code key}, {@code label}, {@code kind}, {@code total} and its
 * {@code dimensions} ({@code key}, {@code label}, {@code value}, {@code score}, {@code weight} (share in %),
 * {@code contribution}, {@code thresholdsCrossed}). {@code stage} is the lifecycle stage, {@code tags} the computed tags.
 */
public record TierDecision(String tier, int ruleIndex, List<Map<String, Object>> explanation,
        List<Map<String, Object>> scores, String stage, List<String> tags) {

    public TierDecision {
        explanation = explanation == null ? List.of() : explanation;
        scores = scores == null ? List.of() : scores;
        tags = tags == null ? List.of() : tags;
    }

    public TierDecision(String tier, int ruleIndex, List<Map<String, Object>> explanation) {
        this(tier, ruleIndex, explanation, List.of(), null, List.of());
    }

    /** The same evaluation with another tier (an override, or a previous tier kept when the model failed). */
    public TierDecision withTier(String other, List<Map<String, Object>> steps) {
        return new TierDecision(other, -1, steps, scores, stage, tags);
    }
}
