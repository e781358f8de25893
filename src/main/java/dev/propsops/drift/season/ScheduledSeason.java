package dev.propsops.drift.season;

import java.time.LocalDate;

/**
 * A season as the schedule shows it: its first game day (the first after the off-season gap) and the last
 * game day before the next season's first, or the last one the schedule holds.
 */
public record ScheduledSeason(LocalDate start, LocalDate lastGameDay) {
    public ScheduledSeason {
        if (lastGameDay.isBefore(start)) {
            throw new IllegalArgumentException("a season cannot end (" + lastGameDay + ") before it starts (" + start + ")");
        }
    }
}
