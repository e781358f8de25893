package dev.propsops.drift.season;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.drift.season.SeasonCalendar.Origin;
import dev.propsops.drift.season.SeasonCalendar.Season;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Merging the schedule's seasons with the configured ones: names, overrides, fill-ins. */
class KnownSeasonsTest {
    static final Map<String, LocalDate> NBA = Map.of("2024-25", LocalDate.of(2024, 10, 22), "2025-26", LocalDate.of(2025, 10, 21));

    static ScheduledSeason season(String start, String last) {
        return new ScheduledSeason(LocalDate.parse(start), LocalDate.parse(last));
    }

    @Test
    void scheduleSeasonsAreNamedLikeTheConfiguredOnesAndConfigurationWins() {
        SeasonCalendar c = KnownSeasons.calendar(List.of(season("2024-10-22", "2025-06-22"), season("2025-10-21", "2026-06-14"),
                season("2026-10-27", "2027-04-11")), NBA, 14);
        assertThat(c.seasons()).containsExactly(
                new Season("2024-25", LocalDate.of(2024, 10, 22), Origin.configuration, Optional.of(LocalDate.of(2024, 10, 22))),
                new Season("2025-26", LocalDate.of(2025, 10, 21), Origin.configuration, Optional.of(LocalDate.of(2025, 10, 21))),
                new Season("2026-27", LocalDate.of(2026, 10, 27), Origin.schedule, Optional.of(LocalDate.of(2026, 10, 27))));
        assertThat(c.bootstrapDays()).isEqualTo(14);
    }

    @Test
    void aConfiguredStartOverridesTheSchedulesAndKeepsWhatTheScheduleSaid() {
        Map<String, LocalDate> mlb = Map.of("2025", LocalDate.of(2025, 3, 27));
        SeasonCalendar c = KnownSeasons.calendar(List.of(season("2025-03-18", "2025-09-28"), season("2026-03-25", "2026-09-27")), mlb, 14);
        assertThat(c.seasons()).containsExactly(
                new Season("2025", LocalDate.of(2025, 3, 27), Origin.configuration, Optional.of(LocalDate.of(2025, 3, 18))),
                new Season("2026", LocalDate.of(2026, 3, 25), Origin.schedule, Optional.of(LocalDate.of(2026, 3, 25))));
    }

    @Test
    void configurationFillsInWhenTheScheduleGaveNothing() {
        SeasonCalendar c = KnownSeasons.calendar(List.of(), NBA, 14);
        assertThat(c.seasons()).extracting(Season::label, Season::origin, Season::scheduleStart).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2024-25", Origin.configuration, Optional.empty()),
                org.assertj.core.groups.Tuple.tuple("2025-26", Origin.configuration, Optional.empty()));
    }

    @Test
    void withoutConfiguredNamesASeasonIntoTheNextYearGetsTheTwoYearName() {
        SeasonCalendar c = KnownSeasons.calendar(List.of(season("2025-10-21", "2026-06-14"), season("2026-03-25", "2026-09-27")), Map.of(), 14);
        assertThat(c.seasons()).extracting(Season::label).containsExactly("2025-26", "2026");
    }

    @Test
    void twoScheduleSeasonsOfOneNameKeepBothTheLaterByItsDate() {
        // 2020: a four-month break in a season looks like a new season to the schedule rule
        SeasonCalendar c = KnownSeasons.calendar(List.of(season("2020-07-30", "2020-10-11"), season("2020-12-22", "2021-07-20")),
                Map.of("2019-20", LocalDate.of(2019, 10, 22)), 14);
        assertThat(c.seasons()).extracting(Season::label).containsExactly("2019-20", "2020-21", "2020-12-22");
    }

    @Test
    void theNextNameFollowsTheLatestOnesForm() {
        assertThat(KnownSeasons.nextName(new Season("2025-26", LocalDate.of(2025, 10, 21)))).isEqualTo("2026-27");
        assertThat(KnownSeasons.nextName(new Season("2099-00", LocalDate.of(2099, 10, 21)))).isEqualTo("2100-01");
        assertThat(KnownSeasons.nextName(new Season("2026", LocalDate.of(2026, 3, 25)))).isEqualTo("2027");
    }
}
