package io.tierflow.rule.tier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * One dimension of a {@link ScoreModel}: a NUMBER {@code formula} (its value), scored as it is, by {@code bands}
 * (value below the first threshold → the first score, from threshold i on → score i), or by {@code quintiles}
 * ({@code high_is_better} or {@code low_is_better}): 1–5 by where the value falls among the form's records.
 * The quintile {@code boundaries} (20th, 40th, 60th and 80th percentile) are computed by the server over the
 * form's live records ({@code boundariesOver} of them) when the model is simulated or published; a value from
 * boundary k on scores k + 1 (6 − that when lower is better). {@code percentRank} ({@code high_is_better} or
 * {@code low_is_better}) scores the value's percent rank within the form instead, 0–99: the number of the form's
 * percentiles (1st … 99th, stored as {@code boundaries} the same way) at or below it (99 − that when lower is
 * better). Without boundaries the dimension has no score.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreDimension(String key, String label, BigDecimal weight, String formula, ScoreBands bands,
        String quintiles, List<BigDecimal> boundaries, Long boundariesOver, String percentRank) {

    @JsonCreator
    public ScoreDimension {
    }

    public static final String HIGH_IS_BETTER = "high_is_better";
    public static final String LOW_IS_BETTER = "low_is_better";

    public ScoreDimension(String key, String label, BigDecimal weight, String formula, ScoreBands bands, String quintiles,
            List<BigDecimal> boundaries, Long boundariesOver) {
        this(key, label, weight, formula, bands, quintiles, boundaries, boundariesOver, null);
    }

    public ScoreDimension withBoundaries(List<BigDecimal> computed, long over) {
        return new ScoreDimension(key, label, weight, formula, bands, quintiles, computed, over, percentRank);
    }

    /** Bands, quintiles or percent rank: the value is turned into points. */
    public boolean scored() {
        return bands != null || quintiles != null || percentRank != null;
    }

    /** The percentiles of the form its boundaries are: 20/40/60/80 % for quintiles, 1…99 % for percent rank. */
    public List<BigDecimal> fractions() {
        int n = percentRank != null ? 100 : quintiles != null ? 5 : 0;
        List<BigDecimal> out = new java.util.ArrayList<>();
        for (int i = 1; i < n; i++) {
            out.add(BigDecimal.valueOf(i).divide(BigDecimal.valueOf(n)));
        }
        return out;
    }
}
