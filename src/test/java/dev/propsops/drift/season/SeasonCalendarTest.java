package dev.propsops.drift.season;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.drift.plan.Period;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeasonCalendarTest {
    private final SeasonCalendar nba = new SeasonCalendar(Map.of("2024-25", LocalDate.of(2024, 10, 22), "2025-26",
            LocalDate.of(2025, 10, 21)), 14);

    static Period days(String from, String to) {
        return new Period("p", LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void theFirstFourteenDaysOfASeasonAreEmptyByDesign() {
        assertThat(nba.emptyByDesign(LocalDate.of(2025, 10, 21))).map(SeasonCalendar.Season::label).hasValue("2025-26");
        assertThat(nba.emptyByDesign(LocalDate.of(2025, 11, 3))).isPresent();
        assertThat(nba.emptyByDesign(LocalDate.of(2025, 11, 4))).as("day 15 has data").isEmpty();
        assertThat(nba.bootstrapEnd(nba.latest().orElseThrow())).isEqualTo(LocalDate.of(2025, 11, 3));
    }

    @Test
    void anOpeningMonthBeforeTheOpenerCountsAsBootstrapButAMonthWithOneRealDayDoesNot() {
        assertThat(nba.bootstrapOf(days("2025-10-01", "2025-10-31"))).map(SeasonCalendar.Season::label).hasValue("2025-26");
        assertThat(nba.bootstrapOf(days("2025-11-01", "2025-11-03"))).isPresent();
        assertThat(nba.bootstrapOf(days("2025-11-01", "2025-11-30"))).as("Nov 4-30 should have data").isEmpty();
        assertThat(nba.bootstrapOf(days("2025-09-01", "2025-09-30"))).as("the off-season is not a bootstrap").isEmpty();
        assertThat(nba.bootstrapOf(days("2024-10-01", "2024-10-31"))).map(SeasonCalendar.Season::label).hasValue("2024-25");
    }

    @Test
    void noSeasonsNoBootstrap() {
        SeasonCalendar none = new SeasonCalendar(Map.of(), 14);
        assertThat(none.bootstrapOf(days("2025-10-01", "2025-10-31"))).isEmpty();
        assertThat(none.latest()).isEmpty();
    }

    @Test
    void aKnownSeasonCoversItsDaysUntilTheNextStartAndTheLatestOneItsLongestCycle() {
        // 2024-10-22 -> 2025-10-21: 364 days, so 2025-26 is known until 2026-10-19
        assertThat(nba.cycleDays()).isEqualTo(364);
        assertThat(nba.knownUntil()).hasValue(LocalDate.of(2026, 10, 19));
        assertThat(nba.seasonOf(LocalDate.of(2025, 10, 20))).map(SeasonCalendar.Season::label).hasValue("2024-25");
        assertThat(nba.seasonOf(LocalDate.of(2026, 10, 19))).map(SeasonCalendar.Season::label).hasValue("2025-26");
        assertThat(nba.seasonOf(LocalDate.of(2026, 10, 20))).as("a next season was due").isEmpty();
        assertThat(nba.seasonOf(LocalDate.of(2024, 10, 21))).as("before the earliest known start").isEmpty();
        assertThat(nba.covers(days("2026-10-01", "2026-10-19"))).isTrue();
        assertThat(nba.covers(days("2026-10-01", "2026-10-20"))).isFalse();
        assertThat(nba.covers(days("2026-11-01", "2026-11-08"))).isFalse();
    }

    @Test
    void theLongestIntervalCountsAndOneSeasonIsAssumedAYear() {
        SeasonCalendar late = new SeasonCalendar(List.of(new SeasonCalendar.Season("2024-25", LocalDate.of(2024, 10, 22)),
                new SeasonCalendar.Season("2025-26", LocalDate.of(2025, 10, 21)),
                new SeasonCalendar.Season("2026-27", LocalDate.of(2026, 10, 27), SeasonCalendar.Origin.schedule,
                        java.util.Optional.of(LocalDate.of(2026, 10, 27)))), 14);
        assertThat(late.cycleDays()).isEqualTo(371);
        assertThat(late.knownUntil()).hasValue(LocalDate.of(2027, 11, 1));
        SeasonCalendar one = new SeasonCalendar(Map.of("2026", LocalDate.of(2026, 3, 25)), 14);
        assertThat(one.cycleDays()).isEqualTo(SeasonCalendar.DEFAULT_CYCLE_DAYS);
        assertThat(one.knownUntil()).hasValue(LocalDate.of(2027, 3, 24));
        assertThat(new SeasonCalendar(Map.of(), 14).knownUntil()).isEmpty();
        assertThat(new SeasonCalendar(Map.of(), 14).covers(days("2026-01-01", "2026-01-02"))).as("nothing is known").isFalse();
    }

    @Test
    void theSeasonsAroundAWindowAreThoseWhoseDaysMeetIt() {
        assertThat(nba.around(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 31))).extracting(SeasonCalendar.Season::label)
                .containsExactly("2024-25", "2025-26");
        assertThat(nba.around(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 1, 31))).extracting(SeasonCalendar.Season::label)
                .containsExactly("2025-26");
        assertThat(nba.around(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31))).as("none: the latest, to name it")
                .extracting(SeasonCalendar.Season::label).containsExactly("2025-26");
    }

    @Test
    void aNegativeBootstrapIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SeasonCalendar(Map.of(), -1))
                .hasMessageContaining("ops.drift.bootstrap-days must not be negative");
    }
}
