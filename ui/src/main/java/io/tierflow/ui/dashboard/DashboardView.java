package io.tierflow.ui.dashboard;

import java.util.List;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;

/**
 * What dashboard.html shows for one form: the pickers, the KPI row and the two charts' data
 * ({@link ScriptJson}; {@code barJson} is null when the form has no single-select field to count by).
 */
@TemplateData
public record DashboardView(String formKey, String formName, String recordsHref, List<Choice> forms,
        List<Choice> dimensions, long total, List<TierCount> tiers, RawString pieJson, String barTitle,
        RawString barJson) {

    public boolean hasRecords() {
        return total > 0;
    }
}
