package io.tierflow.ui.records;

import static io.tierflow.ui.records.JsonMaps.list;
import static io.tierflow.ui.records.JsonMaps.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.quarkus.qute.TemplateData;
import io.tierflow.core.i18n.Messages;
import io.tierflow.rule.tier.ScoreDimension;
import io.tierflow.rule.tier.ScoreModel;
import io.tierflow.rule.tier.TierModel;

/**
 * One score of a record's tier model as the record page explains it: the total, a stacked bar of what each
 * dimension contributed, and per dimension its value, points, weight share, contribution and the thresholds
 * the value crossed (for quintiles, the boundaries and how many records they were computed over). Made from
 * {@code TierExplanation}'s {@code scores}, whose dimensions over fields hidden from the viewer come without
 * value and formula.
 *
 * @param rfm   recency, frequency and monetary points summed (no weights)
 * @param total the score, or null when it could not be computed
 * @param bar   the stacked bar's segments; empty when nothing contributed
 */
@TemplateData
public record ScoreBreakdown(String key, String label, boolean rfm, String total, List<Dimension> dimensions, List<Segment> bar) {

    /** Segment colours cycle through this many classes ({@code seg-0} …). */
    static final int COLOURS = 6;

    /**
     * @param hidden    the value reads a field the viewer may not see: only the points are shown
     * @param weight    the share of the total weight, "40%"; null for RFM
     * @param crossed   the thresholds the value reached, "≥ 100、≥ 1,000", or null for none
     * @param quintiles for a quintile dimension: its boundaries and the records they were computed over
     */
    @TemplateData
    public record Dimension(String label, int colour, boolean hidden, String value, String points, String weight,
            String contribution, String crossed, String quintiles) {
    }

    /** @param width of the bar, as a CSS percentage */
    @TemplateData
    public record Segment(String label, int colour, String width, String contribution) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** @param model the form's published model: quintile directions and whether boundaries exist yet */
    static List<ScoreBreakdown> of(List<Map<String, Object>> scores, TierModel model, Locale locale) {
        List<ScoreBreakdown> out = new ArrayList<>();
        for (Map<String, Object> s : scores) {
            String key = text(s.get("key"));
            boolean rfm = ScoreModel.RFM.equals(text(s.get("kind")));
            List<Map<String, Object>> dims = list(s.get("dimensions"));
            List<Dimension> shown = new ArrayList<>();
            List<BigDecimal> contributions = new ArrayList<>();
            boolean allQuintiles = !dims.isEmpty();
            for (int i = 0; i < dims.size(); i++) {
                Map<String, Object> d = dims.get(i);
                Optional<ScoreDimension> def = definition(model, key, text(d.get("key")));
                allQuintiles &= def.map(x -> x.quintiles() != null).orElse(false);
                boolean hidden = d.get("formula") == null;
                BigDecimal contribution = decimal(d.get("contribution"));
                contributions.add(contribution);
                shown.add(new Dimension(label(d), i % COLOURS, hidden, hidden ? null : number(d.get("value")), number(d.get("score")),
                        rfm || d.get("weight") == null ? null : number(d.get("weight")) + "%", number(contribution),
                        crossed(d), hidden ? null : quintiles(d, def, locale)));
            }
            BigDecimal total = decimal(s.get("total"));
            // a weighted score is read against 100, RFM quintiles against 5 points a dimension; a score
            // outside that (raw values without bands) fills the bar with its own total
            BigDecimal nominal = rfm ? (allQuintiles ? BigDecimal.valueOf(5L * dims.size()) : BigDecimal.ZERO) : HUNDRED;
            BigDecimal scale = total == null ? nominal : total.max(nominal);
            out.add(new ScoreBreakdown(key, text(s.get("label")) == null ? key : text(s.get("label")), rfm, number(total), shown,
                    bar(shown, contributions, scale)));
        }
        return out;
    }

    private static List<Segment> bar(List<Dimension> dims, List<BigDecimal> contributions, BigDecimal scale) {
        List<Segment> bar = new ArrayList<>();
        if (scale.signum() <= 0) {
            return bar;
        }
        for (int i = 0; i < dims.size(); i++) {
            BigDecimal c = contributions.get(i);
            if (c == null || c.signum() <= 0) {
                continue;
            }
            BigDecimal width = c.multiply(HUNDRED).divide(scale, 2, RoundingMode.HALF_UP).min(HUNDRED);
            bar.add(new Segment(dims.get(i).label(), dims.get(i).colour(), width.stripTrailingZeros().toPlainString() + "%", dims.get(i).contribution()));
        }
        return bar;
    }

    private static String label(Map<String, Object> d) {
        String label = text(d.get("label"));
        return label == null || label.isBlank() ? text(d.get("key")) : label;
    }

    private static Optional<ScoreDimension> definition(TierModel model, String score, String dimension) {
        if (model == null || model.scores() == null) {
            return Optional.empty();
        }
        return model.scores().stream().filter(s -> s.key().equals(score)).flatMap(s -> s.dimensions().stream())
                .filter(d -> d.key().equals(dimension)).findFirst();
    }

    private static String crossed(Map<String, Object> d) {
        List<String> crossed = JsonMaps.strings(d.get("thresholdsCrossed")).stream().map(t -> "≥ " + number(t)).toList();
        return crossed.isEmpty() ? null : String.join("、", crossed);
    }

    /** "五分位界值 200 / 400 / 600 / 800，基于 10 条记录", or that they are not computed yet. */
    private static String quintiles(Map<String, Object> d, Optional<ScoreDimension> def, Locale locale) {
        boolean quintile = d.get("boundaries") != null || def.map(x -> !x.fractions().isEmpty()).orElse(false);
        if (!quintile) {
            return null;
        }
        boolean rank = def.map(x -> x.percentRank() != null).orElse(false);
        String direction = def.map(x -> rank ? x.percentRank() : x.quintiles()).orElse(null);
        String order = ScoreDimension.LOW_IS_BETTER.equals(direction) ? Messages.text(locale, "ui.records.why.quintiles.low") : "";
        if (rank) {
            // 99 percentiles are too many to list: the points already say where the value stands
            Object over = d.get("boundariesOver");
            return Messages.text(locale, "ui.records.why.percentRank", over == null ? "?" : over.toString()) + order;
        }
        List<String> bounds = JsonMaps.strings(d.get("boundaries")).stream().map(ScoreBreakdown::number).toList();
        if (bounds.isEmpty()) {
            return Messages.text(locale, "ui.records.why.quintiles.none") + order;
        }
        Object over = d.get("boundariesOver");
        return Messages.text(locale, "ui.records.why.quintiles", String.join(" / ", bounds), over == null ? "?" : over.toString()) + order;
    }

    static BigDecimal decimal(Object o) {
        if (o instanceof BigDecimal b) {
            return b;
        }
        if (o instanceof Number || o instanceof String) {
            try {
                return new BigDecimal(o.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A number as people read it: grouped, at most two decimals ("1,234.5"); other values as they are. */
    static String number(Object o) {
        BigDecimal b = decimal(o);
        if (b == null) {
            return o == null ? null : o.toString();
        }
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(b);
    }
}
