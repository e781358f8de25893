package dev.propsops.drift.season;

import dev.propsops.drift.plan.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sport's season starts (from {@code ops.sport.<sport>.seasons}) and what they imply for the feature
 * store: its first {@code bootstrapDays} days have no data by design (the rolling features need history).
 * Only start dates are configured, so the days of a season's opening month before its first game count as
 * off-season too: an empty October before the NBA opener is no outage.
 */
public final class SeasonCalendar {
    /** One season: its label (2025-26) and first day. */
    public record Season(String label, LocalDate start) {
    }

    private final List<Season> seasons;
    private final int bootstrapDays;

    public SeasonCalendar(Map<String, LocalDate> starts, int bootstrapDays) {
        if (bootstrapDays < 0) {
            throw new IllegalArgumentException("ops.drift.bootstrap-days must not be negative, was " + bootstrapDays);
        }
        this.seasons = starts.entrySet().stream().map(e -> new Season(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Season::start)).toList();
        this.bootstrapDays = bootstrapDays;
    }

    public int bootstrapDays() {
        return bootstrapDays;
    }

    /** The last bootstrap day of a season. */
    public LocalDate bootstrapEnd(Season s) {
        return s.start().plusDays(bootstrapDays - 1L);
    }

    /** The season whose bootstrap or pre-opening days cover {@code day}, if any. */
    public Optional<Season> emptyByDesign(LocalDate day) {
        for (Season s : seasons) {
            boolean bootstrap = !day.isBefore(s.start()) && day.isBefore(s.start().plusDays(bootstrapDays));
            boolean preOpening = day.isBefore(s.start()) && YearMonth.from(day).equals(YearMonth.from(s.start()));
            if (bootstrap || preOpening) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The season when every day of the period is empty by design (bootstrap or before the opener in the
     * opening month); empty when at least one day should have data.
     */
    public Optional<Season> bootstrapOf(Period p) {
        Optional<Season> season = Optional.empty();
        for (LocalDate d = p.start(); !d.isAfter(p.end()); d = d.plusDays(1)) {
            Optional<Season> s = emptyByDesign(d);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            season = s;
        }
        return season;
    }

    /** The latest configured season start, to warn when the window is past every configured season. */
    public Optional<Season> latest() {
        return seasons.isEmpty() ? Optional.empty() : Optional.of(seasons.get(seasons.size() - 1));
    }
}
