package io.tierflow.ui.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.report.query.ReportResult;
import io.tierflow.report.query.ReportRow;
import io.tierflow.ui.web.TierColours;

/**
 * One tier's count on the dashboard. {@code href} lists that tier's records ({@code null} for records
 * without a tier, which the list cannot filter on); {@code css} colours it ({@link TierColours}).
 */
@TemplateData
public record TierCount(String tier, String label, long count, String share, String css, String href) {

    /**
     * The form's tiers in model order, with zero for a tier nobody is in yet (a manager wants to see that
     * too), then tiers the model no longer has, then the unclassified records if there are any.
     */
    public static List<TierCount> of(FormDefinition form, ReportResult result, String untieredLabel) {
        List<String> model = TierColours.tiers(form.tierModel());
        Map<String, Long> counts = new LinkedHashMap<>();
        model.forEach(t -> counts.put(t, 0L));
        long untiered = 0;
        long total = 0;
        for (ReportRow row : result.rows()) {
            long n = row.measure() instanceof Number num ? num.longValue() : 0;
            total += n;
            if (row.value() == null || row.value().isBlank()) {
                untiered += n;
            } else {
                counts.merge(row.value(), n, Long::sum);
            }
        }
        List<TierCount> tiers = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            tiers.add(new TierCount(e.getKey(), e.getKey(), e.getValue(), share(e.getValue(), total),
                    TierColours.css(e.getKey(), model), "/forms/" + encode(form.key()) + "?tier=" + encode(e.getKey())));
        }
        if (untiered > 0) {
            tiers.add(new TierCount(null, untieredLabel, untiered, share(untiered, total), TierColours.NONE, null));
        }
        return tiers;
    }

    static String share(long n, long total) {
        if (total == 0) {
            return "0%";
        }
        double percent = Math.round(n * 1000.0 / total) / 10.0; // one decimal, "50%" rather than "50.0%"
        return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
