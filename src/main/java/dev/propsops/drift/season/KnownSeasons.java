package dev.propsops.drift.season;

import dev.propsops.drift.season.SeasonCalendar.Origin;
import dev.propsops.drift.season.SeasonCalendar.Season;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The seasons a run knows: the schedule's, named like the configured ones, with every configured season
 * overriding the schedule's season of the same name (and filling in where the schedule is silent or could
 * not be read). Pure: the schedule is read by the caller.
 *
 * <p>Names: a season is named by the year it starts in, followed by the next year's last two digits when
 * the sport's configured names have that form (NBA {@code 2026-27}), by the year alone when they have that
 * one (MLB {@code 2026}). With no configured names, a season whose games run into the next year gets the
 * two-year form.
 */
public final class KnownSeasons {
    private KnownSeasons() {
    }

    public static SeasonCalendar calendar(List<ScheduledSeason> fromSchedule, Map<String, LocalDate> configured, int bootstrapDays) {
        Optional<Boolean> twoYear = configuredForm(configured.keySet());
        Map<String, ScheduledSeason> scheduled = new LinkedHashMap<>();
        for (ScheduledSeason s : fromSchedule) {
            String name = name(s.start().getYear(), twoYear.orElse(s.lastGameDay().getYear() > s.start().getYear()));
            // two schedule seasons of one name (a long break within a season looks like a new one): the later keeps its date as name
            scheduled.put(scheduled.containsKey(name) ? s.start().toString() : name, s);
        }
        List<Season> seasons = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Map.Entry<String, LocalDate> c : configured.entrySet()) {
            ScheduledSeason s = scheduled.get(c.getKey());
            seasons.add(new Season(c.getKey(), c.getValue(), Origin.configuration, Optional.ofNullable(s).map(ScheduledSeason::start)));
            done.add(c.getKey());
        }
        scheduled.forEach((name, s) -> {
            if (!done.contains(name)) {
                seasons.add(new Season(name, s.start(), Origin.schedule, Optional.of(s.start())));
            }
        });
        return new SeasonCalendar(seasons, bootstrapDays);
    }

    /** The name the season after {@code latest} would have, for the note that asks for it. */
    public static String nextName(Season latest) {
        return name(latest.start().getYear() + 1, latest.label().matches("\\d{4}-\\d{2}"));
    }

    /** 2026-27, or 2026. */
    static String name(int startYear, boolean twoYear) {
        return twoYear ? String.format(Locale.ROOT, "%d-%02d", startYear, (startYear + 1) % 100) : Integer.toString(startYear);
    }

    /** Two-year (true) or one-year (false) when every configured name has that form; empty otherwise. */
    private static Optional<Boolean> configuredForm(Set<String> names) {
        if (!names.isEmpty() && names.stream().allMatch(n -> n.matches("\\d{4}-\\d{2}"))) {
            return Optional.of(true);
        }
        if (!names.isEmpty() && names.stream().allMatch(n -> n.matches("\\d{4}"))) {
            return Optional.of(false);
        }
        return Optional.empty();
    }
}
