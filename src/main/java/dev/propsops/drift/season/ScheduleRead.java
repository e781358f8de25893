package dev.propsops.drift.season;

import dev.propsops.sport.Sport;
import java.util.List;
import java.util.Optional;

/**
 * What became of the schedule in one run: read (with the seasons it showed), unreadable (and why: the run
 * then goes on with the configured seasons and the report says so), or not configured.
 */
public record ScheduleRead(Optional<ScheduleSpec> spec, Status status, List<ScheduledSeason> seasons, Optional<String> problem,
        Optional<String> fix) {
    public enum Status {
        read,
        unreadable,
        not_configured
    }

    public ScheduleRead {
        seasons = List.copyOf(seasons);
    }

    public static ScheduleRead read(ScheduleSpec spec, List<ScheduledSeason> seasons) {
        return new ScheduleRead(Optional.of(spec), Status.read, seasons, Optional.empty(), Optional.empty());
    }

    public static ScheduleRead unreadable(ScheduleSpec spec, String problem, Optional<String> fix) {
        return new ScheduleRead(Optional.of(spec), Status.unreadable, List.of(), Optional.of(problem), fix);
    }

    /** What the report and the log say when the schedule could not be read. */
    public String warning(Sport sport) {
        return "the schedule " + spec.map(ScheduleSpec::describe).orElse("") + " could not be read, so season starts come from "
                + "ops.sport." + sport + ".seasons only: " + problem.orElse("no detail was given");
    }

    public static ScheduleRead notConfigured() {
        return new ScheduleRead(Optional.empty(), Status.not_configured, List.of(), Optional.empty(), Optional.empty());
    }
}
