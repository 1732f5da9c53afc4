package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where {@code PERCENTRANK(expression)} finds the form's 1st … 99th percentiles of its argument, by the argument's
 * canonical text ({@link CompiledFormula#ranks()}). Only tier models have one: they compute the percentiles when a
 * version is simulated or published.
 */
@FunctionalInterface
public interface RankSource {
    /** The ascending percentiles, or null when they have not been computed yet (the rank is then null). */
    List<BigDecimal> boundaries(String expression);
}
