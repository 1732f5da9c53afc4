package io.tierflow.ui.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tier pie for dashboard.js: one slice per tier that has records, coloured by its CSS class (the
 * script reads the colour of that class, so badges and slices always agree) and linked to its records.
 */
final class TierPie {

    private TierPie() {
    }

    static Map<String, Object> data(List<TierCount> tiers, long total, String totalLabel, String unit) {
        List<Map<String, Object>> slices = new ArrayList<>();
        for (TierCount t : tiers) {
            if (t.count() > 0) {
                Map<String, Object> slice = new LinkedHashMap<>();
                slice.put("name", t.label());
                slice.put("value", t.count());
                slice.put("css", t.css());
                slice.put("href", t.href());
                slices.add(slice);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "pie");
        data.put("unit", unit);
        data.put("total", total);
        data.put("totalLabel", totalLabel);
        data.put("slices", slices);
        return data;
    }
}
