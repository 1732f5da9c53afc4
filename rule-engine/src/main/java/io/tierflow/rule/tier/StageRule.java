package io.tierflow.rule.tier;

/** One lifecycle rule: when {@code condition} (a BOOLEAN formula) holds, and no earlier one did, the record is in {@code stage}. */
public record StageRule(String stage, String condition) {
}
