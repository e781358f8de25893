package dev.propsops.drift.check;

import java.util.List;
import java.util.Optional;

/**
 * One configured check: a table, its date column, and the features measured in it, either positions of an
 * array column (rows with a shorter array are left out) or plain columns. {@code bootstrap}: whether an
 * empty month at a season's start is expected; {@code rowThresholds}: for its rows per day.
 */
public record Check(String name, TableRef table, String dateColumn, Optional<String> arrayColumn, int minArrayLength,
        List<Feature> features, boolean bootstrap, Thresholds rowThresholds) {
    public Check {
        features = List.copyOf(features);
    }
}
