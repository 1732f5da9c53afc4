package io.tierflow.rule.tier;

/** One rule of a tier model: when {@code condition} (a BOOLEAN formula) holds, the record gets {@code tier}. */
public record TierRule(String tier, String condition) {
}
