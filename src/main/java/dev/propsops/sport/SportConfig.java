package dev.propsops.sport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ops.sport.<sport>.*}: what each sport owns on the platform: its BigQuery datasets, its season
 * calendar and the schedule table the calendar is read from. Features read their own settings elsewhere; what is about the sport itself lives here.
 */
@ConfigMapping(prefix = "ops.sport")
public interface SportConfig {
    /** Keyed by {@link Sport} name: {@code ops.sport.nba.*}, {@code ops.sport.mlb.*}. */
    @WithParentName
    Map<String, Settings> sports();

    interface Settings {
        /** The sport's BigQuery datasets, e.g. nba_raw, nba_analytics, nba_precompute, nba_predictions. */
        List<String> datasets();

        /**
         * Season label (e.g. 2025-26) to its first day. Adding a season is one line. They override the
         * seasons read from the schedule, and fill in when it cannot be read.
         */
        Map<String, LocalDate> seasons();

        /** The schedule table the season starts are read from. */
        Schedule schedule();
    }

    /** {@code ops.sport.<sport>.schedule.*}: one row per game (or per team and game) with its date. */
    interface Schedule {
        /** dataset.table; unset: seasons come from configuration only. */
        Optional<String> table();

        /** The DATE column of the game day (the table's partition column on the platform). */
        @WithDefault("game_date")
        String dateColumn();

        /** Only rows whose filter column, read as text (true/false for BOOL), equals filter-value, e.g. regular-season games. */
        Optional<String> filterColumn();

        Optional<String> filterValue();

        /** A season starts on a game day at least this many days after the game day before it. */
        @WithDefault("60")
        int offSeasonGapDays();
    }

    default Settings of(Sport sport) {
        Settings s = sports().get(sport.name());
        if (s == null) {
            throw new IllegalStateException("no configuration for sport " + sport + " (ops.sport." + sport + ".*)");
        }
        return s;
    }
}
