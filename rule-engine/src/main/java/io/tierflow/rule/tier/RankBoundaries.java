package io.tierflow.rule.tier;

import java.math.BigDecimal;
import java.util.List;

/**
 * The 1st … 99th percentile ({@code percentile_disc}) of a {@code PERCENTRANK(expression)} argument over the form's
 * live records ({@code over} of them had a value), computed when the version is simulated or published and stored
 * with it, so per-record and set-based evaluation rank against the same numbers until the next publish.
 */
public record RankBoundaries(String expression, List<BigDecimal> boundaries, Long over) {
    public RankBoundaries {
        boundaries = boundaries == null ? null : List.copyOf(boundaries);
    }
}
