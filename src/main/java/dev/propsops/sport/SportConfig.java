package dev.propsops.sport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code ops.sport.<sport>.*}: what each sport owns on the platform: its BigQuery datasets and its season
 * calendar. Features read their own settings elsewhere; what is about the sport itself lives here.
 */
@ConfigMapping(prefix = "ops.sport")
public interface SportConfig {
    /** Keyed by {@link Sport} name: {@code ops.sport.nba.*}, {@code ops.sport.mlb.*}. */
    @WithParentName
    Map<String, Settings> sports();

    interface Settings {
        /** The sport's BigQuery datasets, e.g. nba_raw, nba_analytics, nba_precompute, nba_predictions. */
        List<String> datasets();

        /** Season label (e.g. 2025-26) to its first day. Adding a season is one line. */
        Map<String, LocalDate> seasons();
    }

    default Settings of(Sport sport) {
        Settings s = sports().get(sport.name());
        if (s == null) {
            throw new IllegalStateException("no configuration for sport " + sport + " (ops.sport." + sport + ".*)");
        }
        return s;
    }
}
