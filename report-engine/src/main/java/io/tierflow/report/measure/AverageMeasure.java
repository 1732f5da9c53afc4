package io.tierflow.report.measure;

import jakarta.enterprise.context.ApplicationScoped;

/** The mean of a number field in each group, over the records that have a value. */
@ApplicationScoped
public class AverageMeasure implements Measure {

    @Override
    public String id() {
        return "avg";
    }

    @Override
    public boolean needsNumberField() {
        return true;
    }

    @Override
    public String sql(String column) {
        return "round(avg(" + column + "), 4)";
    }
}
