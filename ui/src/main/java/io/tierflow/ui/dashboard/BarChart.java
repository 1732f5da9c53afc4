package io.tierflow.ui.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.type.SingleSelectFieldType;
import io.tierflow.report.query.ReportResult;
import io.tierflow.report.query.ReportRow;

/**
 * The second chart: records counted by one single-select field. Bars follow the builder's option order
 * (stable from one visit to the next, unlike a ranking), options nobody chose included, then values the
 * field no longer offers, then the empty ones.
 */
final class BarChart {

    static final String SINGLE_SELECT = "single_select";

    private BarChart() {
    }

    /** The fields it can count by: the single-selects the viewer's role may see. */
    static List<FieldDefinition> dimensions(FormDefinition form, Caller caller) {
        RoleAccess access = form.permissions().access(caller.role());
        return form.fields().stream().filter(f -> SINGLE_SELECT.equals(f.type()) && !access.hidden(f.key())).toList();
    }

    /**
     * The field asked for, else the first single-select that is not the approval status (that one says
     * where the paperwork is, not what the customers are like), else any, else none.
     */
    static FieldDefinition pick(FormDefinition form, Caller caller, String requested) {
        List<FieldDefinition> all = dimensions(form, caller);
        String status = form.approval() == null ? null : form.approval().statusField();
        return all.stream().filter(f -> f.key().equals(requested)).findFirst()
                .or(() -> all.stream().filter(f -> !f.key().equals(status)).findFirst())
                .or(() -> all.stream().findFirst())
                .orElse(null);
    }

    /** {@code {"kind":"bar","categories":[...],"values":[...]}} for dashboard.js. */
    static Map<String, Object> data(FieldDefinition field, ReportResult result, String blankLabel, String unit) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>(SingleSelectFieldType.options(field));
        labels.keySet().forEach(k -> counts.put(k, 0L));
        long blank = 0;
        for (ReportRow row : result.rows()) {
            long n = row.measure() instanceof Number num ? num.longValue() : 0;
            if (row.value() == null || row.value().isBlank()) {
                blank += n;
            } else {
                counts.merge(row.value(), n, Long::sum);
                labels.putIfAbsent(row.value(), row.label() == null ? row.value() : row.label());
            }
        }
        List<String> categories = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        counts.forEach((k, n) -> {
            categories.add(labels.get(k));
            values.add(n);
        });
        if (blank > 0) {
            categories.add(blankLabel);
            values.add(blank);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "bar");
        data.put("unit", unit);
        data.put("categories", categories);
        data.put("values", values);
        return data;
    }
}
