package dev.propsops.drift.stats;

import java.util.List;
import java.util.Optional;

/**
 * What one query measured in one period: rows, distinct game days, and per feature (in the check's order)
 * how many rows have it present and the quantiles of its present values; plus the graded and correct
 * predictions when the query carries the outcome.
 */
public record PeriodStats(long rows, long gameDays, List<FeatureStats> features, Optional<OutcomeStats> outcome) {
    public PeriodStats {
        features = List.copyOf(features);
    }

    public static PeriodStats empty(int features, boolean withOutcome) {
        return new PeriodStats(0, 0, java.util.Collections.nCopies(features, FeatureStats.NONE),
                withOutcome ? Optional.of(new OutcomeStats(0, 0)) : Optional.empty());
    }

    /** Rows per game day (a day with at least one row); 0 when there are none. */
    public double rowsPerDay() {
        return gameDays == 0 ? 0 : (double) rows / gameDays;
    }

    /** One feature in one period. */
    public record FeatureStats(long present, Optional<Quantiles> quantiles) {
        public static final FeatureStats NONE = new FeatureStats(0, Optional.empty());
    }

    /** Graded predictions (correct not NULL) and the correct ones among them. */
    public record OutcomeStats(long graded, long correct) {
        public Optional<Double> hitRate() {
            return graded == 0 ? Optional.empty() : Optional.of((double) correct / graded);
        }
    }
}
