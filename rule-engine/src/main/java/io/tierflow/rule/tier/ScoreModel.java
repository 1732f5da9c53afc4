package io.tierflow.rule.tier;

import java.util.List;

/**
 * A named score computed from dimensions. {@code kind} "weighted": Σ(score × weight) / Σweight, rounded to 4
 * decimals, a missing dimension score counting 0; "rfm": recency, frequency and monetary scores summed (weights
 * are ignored), e.g. 3–15 with quintiles.
 */
public record ScoreModel(String key, String label, String kind, List<ScoreDimension> dimensions) {

    public static final String WEIGHTED = "weighted";
    public static final String RFM = "rfm";

    public ScoreModel {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }
}
