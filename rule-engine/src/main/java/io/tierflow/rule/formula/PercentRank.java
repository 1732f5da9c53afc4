package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code PERCENTRANK(value)}: the record's rank within its form, 0–99, as the number of the form's 1st … 99th
 * percentiles of {@code value} at or below the record's value. The percentiles come from a {@link RankSource}, so
 * the rank is read as {@code BANDSCORE(value, "p1,…", "0,…")} in both back ends; without them (a draft not yet
 * simulated) it is null. Parsed specially, like the aggregates, and listed with the scoring functions.
 */
public final class PercentRank {
    public static final String NAME = "PERCENTRANK";
    public static final String SIGNATURE = "PERCENTRANK(number)";
    public static final List<String> EXAMPLES = List.of("PERCENTRANK(annual_revenue) >= 80",
            "PERCENTRANK(SUM(order.amount, order.paid))");

    private PercentRank() {
    }

    public static String description(Locale locale) {
        return LocalizedText.isZh(locale)
                ? "记录在本表单中的百分位排名（0–99）：本表单所有记录该值的第 1…99 百分位中，不高于本记录值的个数。百分位在分层模型模拟或发布时计算并随版本保存，因此只能在分层模型中使用；尚未计算时为空。"
                : "The record's percent rank within its form, 0–99: how many of the form's 1st … 99th percentiles of the value are at or below the record's. The percentiles are computed when the tier model is simulated or published and kept with the version, so it is available in tier models only; empty until then.";
    }

    /** BANDSCORE's bounds and scores for the percentiles: from each distinct one on, the count at or below it. */
    static String[] bandArguments(List<BigDecimal> percentiles) {
        List<String> bounds = new ArrayList<>();
        List<String> scores = new ArrayList<>(List.of("0"));
        BigDecimal last = null;
        for (BigDecimal p : percentiles) {
            if (last != null && last.compareTo(p) == 0) {
                continue;
            }
            last = p;
            bounds.add(p.toPlainString());
            scores.add(Long.toString(percentiles.stream().filter(x -> x.compareTo(p) <= 0).count()));
        }
        return new String[]{String.join(",", bounds), String.join(",", scores)};
    }
}
