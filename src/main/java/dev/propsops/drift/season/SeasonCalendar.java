package dev.propsops.drift.season;

import dev.propsops.drift.plan.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sport's known season starts (from its schedule and from {@code ops.sport.<sport>.seasons}) and what
 * they imply for the feature store: its first {@code bootstrapDays} days have no data by design (the
 * rolling features need history). Only start dates are known, so the days of a season's opening month
 * before its first game count as off-season too: an empty October before the NBA opener is no outage.
 *
 * <p>Which days a known season covers: from its first game day up to the day before the next known
 * season starts; the latest known season up to its start plus the longest interval between two
 * consecutive known starts (the sport's longest season cycle; {@value #DEFAULT_CYCLE_DAYS} days when
 * fewer than two starts are known). Past that a next season should have started, but no one can tell
 * when: such days are covered by no known season.
 */
public final class SeasonCalendar {
    /** The cycle assumed when fewer than two season starts are known: a season a year. */
    public static final int DEFAULT_CYCLE_DAYS = 365;

    /** Where a season start came from. */
    public enum Origin {
        schedule,
        configuration
    }

    /**
     * One season: its label (2025-26), first day and where that came from; {@code scheduleStart} is what
     * the schedule said when configuration overrode it (empty when the schedule did not know the season).
     */
    public record Season(String label, LocalDate start, Origin origin, Optional<LocalDate> scheduleStart) {
        /** A configured season the schedule did not speak about. */
        public Season(String label, LocalDate start) {
            this(label, start, Origin.configuration, Optional.empty());
        }
    }

    private final List<Season> seasons;
    private final int bootstrapDays;

    public SeasonCalendar(List<Season> seasons, int bootstrapDays) {
        if (bootstrapDays < 0) {
            throw new IllegalArgumentException("ops.drift.bootstrap-days must not be negative, was " + bootstrapDays);
        }
        this.seasons = seasons.stream().sorted(Comparator.comparing(Season::start)).toList();
        this.bootstrapDays = bootstrapDays;
    }

    /** Configured seasons only, label to first day. */
    public SeasonCalendar(Map<String, LocalDate> starts, int bootstrapDays) {
        this(starts.entrySet().stream().map(e -> new Season(e.getKey(), e.getValue())).toList(), bootstrapDays);
    }

    public int bootstrapDays() {
        return bootstrapDays;
    }

    /** Every known season, earliest first. */
    public List<Season> seasons() {
        return seasons;
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

    /** The latest known season start. */
    public Optional<Season> latest() {
        return seasons.isEmpty() ? Optional.empty() : Optional.of(seasons.get(seasons.size() - 1));
    }

    /** The longest interval, in days, between two consecutive known season starts. */
    public long cycleDays() {
        long longest = 0;
        for (int i = 1; i < seasons.size(); i++) {
            longest = Math.max(longest, ChronoUnit.DAYS.between(seasons.get(i - 1).start(), seasons.get(i).start()));
        }
        return seasons.size() < 2 ? DEFAULT_CYCLE_DAYS : longest;
    }

    /** The last day a known season covers: the latest start plus the cycle, less a day. Empty with no season known. */
    public Optional<LocalDate> knownUntil() {
        return latest().map(s -> s.start().plusDays(cycleDays() - 1));
    }

    /** The known season whose days include {@code day}, if any. */
    public Optional<Season> seasonOf(LocalDate day) {
        if (seasons.isEmpty() || day.isBefore(seasons.get(0).start()) || day.isAfter(knownUntil().orElseThrow())) {
            return Optional.empty();
        }
        Season of = seasons.get(0);
        for (Season s : seasons) {
            if (!s.start().isAfter(day)) {
                of = s;
            }
        }
        return Optional.of(of);
    }

    /** True when every day of the period lies in a known season. */
    public boolean covers(Period p) {
        return seasonOf(p.start()).isPresent() && seasonOf(p.end()).isPresent();
    }

    /** The seasons whose days meet [from, to], earliest first; with none, the latest known one (to name it). */
    public List<Season> around(LocalDate from, LocalDate to) {
        List<Season> out = new ArrayList<>();
        for (int i = 0; i < seasons.size(); i++) {
            Season s = seasons.get(i);
            LocalDate last = i + 1 < seasons.size() ? seasons.get(i + 1).start().minusDays(1) : knownUntil().orElseThrow();
            if (!s.start().isAfter(to) && !last.isBefore(from)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            latest().ifPresent(out::add);
        }
        return out;
    }
}
