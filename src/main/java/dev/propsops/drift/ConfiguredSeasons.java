package dev.propsops.drift;

import dev.propsops.cli.OpsException;
import dev.propsops.drift.check.TableRef;
import dev.propsops.drift.season.ScheduleSpec;
import dev.propsops.sport.Sport;
import dev.propsops.sport.SportConfig;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A sport's season settings as configured, validated: the configured season starts
 * ({@code ops.sport.<sport>.seasons}), the schedule they are read from ({@code ops.sport.<sport>.schedule.*})
 * and the bootstrap length ({@code ops.drift.bootstrap-days}). A mistake is a configuration error (exit 2)
 * naming the key.
 */
public record ConfiguredSeasons(Sport sport, Map<String, LocalDate> configured, Optional<ScheduleSpec> schedule, int bootstrapDays) {
    public ConfiguredSeasons {
        configured = Map.copyOf(configured);
    }

    public static ConfiguredSeasons of(SportConfig.Settings settings, int bootstrapDays, Sport sport) {
        if (bootstrapDays < 0) {
            throw OpsException.usage("ops.drift.bootstrap-days must not be negative, was " + bootstrapDays,
                    "fix it in application.properties or OPS_DRIFT_BOOTSTRAP_DAYS");
        }
        SportConfig.Schedule s = settings.schedule();
        Optional<ScheduleSpec> schedule;
        try {
            schedule = s.table().map(t -> new ScheduleSpec(TableRef.parse(t), s.dateColumn(), s.filterColumn(), s.filterValue(),
                    s.offSeasonGapDays()));
        } catch (IllegalArgumentException e) {
            throw OpsException.usage("invalid schedule configuration ops.sport." + sport + ".schedule.*: " + e.getMessage(),
                    "fix it in application.properties or the matching environment variable (see the README)");
        }
        return new ConfiguredSeasons(sport, settings.seasons(), schedule, bootstrapDays);
    }

    /** The key that names a season's first day, e.g. {@code ops.sport.nba.seasons."2026-27"}. */
    public String key(String label) {
        return "ops.sport." + sport + ".seasons.\"" + label + "\"";
    }
}
