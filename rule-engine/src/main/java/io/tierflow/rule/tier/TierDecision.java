package io.tierflow.rule.tier;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a tier model for one record: the tier (null when no rule matched), the 0-based index of the
 * matching rule (-1 when none) and, for every rule checked in order, a map with {@code ruleIndex}, {@code tier},
 * {@code condition} (text), {@code result} (Boolean) and {@code values} (field key → value the condition read).
 */
public record TierDecision(String tier, int ruleIndex, List<Map<String, Object>> explanation) {
}
