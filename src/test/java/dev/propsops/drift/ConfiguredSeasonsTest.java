package dev.propsops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import dev.propsops.drift.testdata.ShippedConfig;
import dev.propsops.sport.Sport;
import dev.propsops.sport.SportConfig;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped season settings of both sports, and schedule configuration mistakes caught with the key to fix. */
class ConfiguredSeasonsTest {
    static ConfiguredSeasons of(Map<String, String> overrides, Sport sport) {
        SportConfig sports = ShippedConfig.with(overrides).getConfigMapping(SportConfig.class);
        return ConfiguredSeasons.of(sports.of(sport), 14, sport);
    }

    @Test
    void nbaReadsItsScheduleWithoutAFilter() {
        ConfiguredSeasons nba = of(Map.of(), Sport.nba);
        assertThat(nba.schedule()).hasValueSatisfying(s -> {
            assertThat(s.table()).hasToString("nba_raw.nbac_schedule");
            assertThat(s.dateColumn()).isEqualTo("game_date");
            assertThat(s.filterColumn()).isEmpty();
            assertThat(s.offSeasonGapDays()).isEqualTo(60);
            assertThat(s.describe()).isEqualTo("nba_raw.nbac_schedule");
        });
        assertThat(nba.configured()).containsEntry("2025-26", LocalDate.of(2025, 10, 21)).hasSize(3);
        assertThat(nba.key("2026-27")).isEqualTo("ops.sport.nba.seasons.\"2026-27\"");
    }

    @Test
    void mlbReadsRegularSeasonGamesOnlyAndShips2026FromItsFirstDomesticGame() {
        ConfiguredSeasons mlb = of(Map.of(), Sport.mlb);
        assertThat(mlb.schedule()).hasValueSatisfying(s -> {
            assertThat(s.table()).hasToString("mlb_raw.mlb_schedule");
            assertThat(s.filterColumn()).hasValue("game_type");
            assertThat(s.filterValue()).hasValue("R");
            assertThat(s.describe()).isEqualTo("mlb_raw.mlb_schedule where game_type = 'R'");
        });
        assertThat(mlb.configured()).containsEntry("2026", LocalDate.of(2026, 3, 25)).containsEntry("2025", LocalDate.of(2025, 3, 27));
    }

    @Test
    void anEmptyTableMeansConfigurationOnlyAndTheGapIsConfigurable() {
        assertThat(of(Map.of("ops.sport.nba.schedule.table", ""), Sport.nba).schedule()).isEmpty();
        assertThat(of(Map.of("ops.sport.nba.schedule.off-season-gap-days", "45"), Sport.nba).schedule())
                .map(s -> s.offSeasonGapDays()).hasValue(45);
        assertThat(of(Map.of("ops.sport.nba.schedule.filter-column", "is_regular_season", "ops.sport.nba.schedule.filter-value", "true"),
                Sport.nba).schedule()).map(s -> s.filterValue()).hasValue(Optional.of("true"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ops.sport.nba.schedule.table|nbac_schedule|is not dataset.table",
            "ops.sport.nba.schedule.table|nba_raw.nbac schedule|not a valid table name",
            "ops.sport.nba.schedule.date-column|game-date|not a valid date column name",
            "ops.sport.nba.schedule.filter-column|is_regular_season|filter-column and filter-value go together",
            "ops.sport.nba.schedule.off-season-gap-days|0|off-season-gap-days must be at least 1" })
    void aBrokenScheduleSettingIsAConfigurationErrorNamingTheKeys(String key, String value, String rule) {
        assertThatThrownBy(() -> of(Map.of(key, value), Sport.nba)).isInstanceOfSatisfying(OpsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains("ops.sport.nba.schedule.*", rule);
        });
    }

    @Test
    void aNegativeBootstrapIsAConfigurationError() {
        SportConfig sports = ShippedConfig.sports();
        assertThatThrownBy(() -> ConfiguredSeasons.of(sports.of(Sport.nba), -1, Sport.nba)).isInstanceOfSatisfying(OpsException.class,
                e -> assertThat(e.getMessage()).contains("ops.drift.bootstrap-days must not be negative"));
    }
}
