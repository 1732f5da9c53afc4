package io.tierflow.report.measure;

import jakarta.enterprise.context.ApplicationScoped;

/** The total of a number field in each group; empty values count as nothing. */
@ApplicationScoped
public class SumMeasure implements Measure {

    @Override
    public String id() {
        return "sum";
    }

    @Override
    public boolean needsNumberField() {
        return true;
    }

    @Override
    public String sql(String column) {
        return "coalesce(sum(" + column + "), 0)";
    }
}
