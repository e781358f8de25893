package dev.propsops.drift.season;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.drift.plan.Period;
import java.time.LocalDate;
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
}
