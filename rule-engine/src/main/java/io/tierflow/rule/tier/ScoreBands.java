package io.tierflow.rule.tier;

import java.math.BigDecimal;
import java.util.List;

/** Ascending thresholds and one more score than thresholds: below the first → scores[0], from threshold i on → scores[i + 1]. */
public record ScoreBands(List<BigDecimal> thresholds, List<BigDecimal> scores) {
}
