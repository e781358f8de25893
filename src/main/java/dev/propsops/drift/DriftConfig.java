package dev.propsops.drift;

import dev.propsops.sport.Sport;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ops.drift.*}: what drift-check measures per sport (its checks and outcome), the default thresholds,
 * the bootstrap length and the BigQuery byte budget. Only types are checked at start-up; the meaning (known
 * features, valid identifiers) is checked by {@link ConfiguredChecks} when drift-check runs, so a drift typo
 * never stops the other jobs.
 */
@ConfigMapping(prefix = "ops.drift")
public interface DriftConfig {
    /** Default of --max-bytes: the most a BigQuery run may scan, e.g. 10GB (powers of 1024). */
    @WithDefault("10GB")
    String maxBytes();

    /** The first days of a season with no feature-store data by design. */
    @WithDefault("14")
    int bootstrapDays();

    /** Defaults for every feature and check; per-feature overrides under ops.drift.<sport>.thresholds. */
    ThresholdDefaults thresholds();

    SportChecks nba();

    SportChecks mlb();

    default SportChecks of(Sport sport) {
        return switch (sport) {
            case nba -> nba();
            case mlb -> mlb();
        };
    }

    interface ThresholdDefaults {
        /** Coverage drop, in percentage points, that warns. */
        @WithDefault("5")
        double coverageWarnPoints();

        @WithDefault("15")
        double coverageCriticalPoints();

        /** Population stability index that warns. */
        @WithDefault("0.1")
        double psiWarn();

        @WithDefault("0.25")
        double psiCritical();

        /** Relative change of rows per game day that warns (0.30 = 30% up or down). */
        @WithDefault("0.30")
        double rowsPerDayChangeWarn();

        /** Fewer present values than this on either side: no PSI (too noisy to judge). */
        @WithDefault("100")
        long psiMinValues();
    }

    interface SportChecks {
        /** Check name (e.g. feature-store) to the table it measures. */
        Map<String, CheckConfig> checks();

        /** The hit rate to show next to the findings. */
        Optional<OutcomeConfig> outcome();

        /** Per feature (or per check, for its rows/day) overrides of the default thresholds. */
        Map<String, ThresholdOverrides> thresholds();
    }

    interface CheckConfig {
        /** dataset.table */
        String table();

        /** The DATE column the table is partitioned on; every query filters on it. */
        @WithDefault("game_date")
        String dateColumn();

        /** An ARRAY<FLOAT64> column holding the features by position; without it, features are columns. */
        Optional<String> arrayColumn();

        /** Rows whose array is shorter are left out (default: the number of features). */
        Optional<Integer> minArrayLength();

        /** Feature names: positions 0.. of the array, or column names. */
        List<String> features();

        /** Features present only when not NULL and not 0 (the default is: not NULL). */
        Optional<List<String>> nonZero();

        /**
         * Whether the season's bootstrap applies: a month with no rows that lies in the first days of a
         * season is then "bootstrap", not an outage. Off for tables written from opening night.
         */
        @WithDefault("true")
        boolean bootstrap();
    }

    interface OutcomeConfig {
        /** dataset.table of the graded predictions. */
        String table();

        @WithDefault("game_date")
        String dateColumn();

        /** BOOL column: TRUE when the prediction was right, NULL when not graded. */
        String correctColumn();

        /** Optional filter, e.g. system_id = catboost_v8. */
        Optional<String> filterColumn();

        Optional<String> filterValue();
    }

    interface ThresholdOverrides {
        Optional<Double> coverageWarnPoints();

        Optional<Double> coverageCriticalPoints();

        Optional<Double> psiWarn();

        Optional<Double> psiCritical();

        Optional<Double> rowsPerDayChangeWarn();

        Optional<Long> psiMinValues();
    }
}
