package io.tierflow.report.measure;

import jakarta.enterprise.context.ApplicationScoped;

/** The number of records in each group. */
@ApplicationScoped
public class CountMeasure implements Measure {

    @Override
    public String id() {
        return "count";
    }

    @Override
    public boolean needsNumberField() {
        return false;
    }

    @Override
    public String sql(String column) {
        return "count(*)";
    }
}
