package dev.propsops.staging;

import java.time.Duration;
import java.time.Instant;

/**
 * Estimated monthly storage cost of a table from its logical size. BigQuery bills a table (or partition)
 * unmodified for 90 consecutive days at the long-term price; __TABLES__ gives one last-modified time per
 * table, so a partitioned table whose old partitions are already long-term is estimated high.
 */
public record StorageCost(double activePerGibMonth, double longTermPerGibMonth) {
    /** BigQuery's rule, not a setting. */
    public static final Duration LONG_TERM_AFTER = Duration.ofDays(90);
    private static final double GIB = 1024.0 * 1024 * 1024;

    public StorageCost {
        if (activePerGibMonth < 0 || longTermPerGibMonth < 0) {
            throw new IllegalArgumentException("storage prices cannot be negative");
        }
    }

    public static StorageCost defaults() {
        return new StorageCost(0.02, 0.01);
    }

    public boolean longTerm(TableMeta table, Instant now) {
        return table.age(now).compareTo(LONG_TERM_AFTER) >= 0;
    }

    /** USD per month. */
    public double monthly(TableMeta table, Instant now) {
        double price = longTerm(table, now) ? longTermPerGibMonth : activePerGibMonth;
        return Math.max(0, table.sizeBytes()) / GIB * price;
    }
}
