package io.tierflow.rule.tier;

/** A computed tag: the record carries {@code tag} while {@code condition} (a BOOLEAN formula) holds. */
public record TagRule(String tag, String condition) {
}
