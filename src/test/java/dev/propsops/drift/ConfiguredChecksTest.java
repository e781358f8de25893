package dev.propsops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import dev.propsops.drift.check.Check;
import dev.propsops.drift.check.Feature;
import dev.propsops.drift.check.Presence;
import dev.propsops.drift.check.Thresholds;
import dev.propsops.drift.plan.Baseline;
import dev.propsops.drift.plan.ComparisonPlanner;
import dev.propsops.drift.testdata.ShippedConfig;
import dev.propsops.sport.Sport;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shipped checks for both sports, and configuration mistakes caught with the key to fix. */
class ConfiguredChecksTest {
    @Test
    void nbaShipsTheFeatureStoreWith33NamedFeaturesAndTheContextLine() {
        ConfiguredChecks nba = ConfiguredChecks.of(ShippedConfig.drift(), Sport.nba);
        Check store = nba.checks().stream().filter(c -> c.name().equals("feature-store")).findFirst().orElseThrow();
        assertThat(store.table()).hasToString("nba_predictions.ml_feature_store_v2");
        assertThat(store.arrayColumn()).hasValue("features");
        assertThat(store.minArrayLength()).isEqualTo(33);
        assertThat(store.features()).hasSize(33);
        assertThat(store.features().get(0).name()).isEqualTo("points_avg_last_5");
        assertThat(store.features().get(25)).satisfies(f -> {
            assertThat(f.name()).isEqualTo("vegas_points_line");
            assertThat(f.position()).isEqualTo(25);
            assertThat(f.presence()).isEqualTo(Presence.NOT_NULL_NOR_ZERO);
        });
        assertThat(store.features().get(32).name()).isEqualTo("ppm_avg_last_10");
        assertThat(store.features().get(28).presence()).as("has_vegas_line: 0 is a value").isEqualTo(Presence.NOT_NULL);
        assertThat(store.features()).allSatisfy(f -> assertThat(f.thresholds()).isEqualTo(Thresholds.DEFAULTS));

        Check context = nba.checks().stream().filter(c -> c.name().equals("prop-line-context")).findFirst().orElseThrow();
        assertThat(context.table()).hasToString("nba_analytics.upcoming_player_game_context");
        assertThat(context.arrayColumn()).isEmpty();
        assertThat(context.features()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("current_points_line");
            assertThat(f.presence()).isEqualTo(Presence.NOT_NULL_NOR_ZERO);
        });
        assertThat(context.bootstrap()).isFalse();
        assertThat(nba.outcome()).hasValueSatisfying(o -> {
            assertThat(o.table()).hasToString("nba_predictions.prediction_accuracy");
            assertThat(o.filterColumn()).hasValue("system_id");
            assertThat(o.filterValue()).hasValue("catboost_v8");
        });
    }

    @Test
    void mlbShipsStrikeoutLinesWithTheOutcomeInTheSameTable() {
        ConfiguredChecks mlb = ConfiguredChecks.of(ShippedConfig.drift(), Sport.mlb);
        assertThat(mlb.checks()).singleElement().satisfies(c -> {
            assertThat(c.table()).hasToString("mlb_predictions.pitcher_strikeouts");
            assertThat(c.features()).extracting(Feature::name).containsExactly("strikeouts_line");
        });
        assertThat(mlb.outcome()).hasValueSatisfying(o -> assertThat(o.correctColumn()).isEqualTo("is_correct"));
        assertThat(mlb.queries(ComparisonPlanner.plan(Optional.empty(), Optional.empty(), Optional.empty(),
                Baseline.PREVIOUS_SEASON, LocalDate.of(2025, 8, 2)))).as("one query serves the check and the outcome")
                .singleElement().satisfies(q -> assertThat(q.outcome()).isPresent());
    }

    @Test
    void seasonsOfBothSportsAreConfigured() {
        assertThat(ShippedConfig.sports().of(Sport.nba).seasons()).containsEntry("2025-26", LocalDate.of(2025, 10, 21))
                .containsEntry("2024-25", LocalDate.of(2024, 10, 22)).containsEntry("2023-24", LocalDate.of(2023, 10, 24));
        assertThat(ShippedConfig.sports().of(Sport.mlb).seasons()).containsEntry("2025", LocalDate.of(2025, 3, 27))
                .containsEntry("2024", LocalDate.of(2024, 3, 28));
    }

    @Test
    void aPerFeatureThresholdOverridesOnlyThatFeature() {
        ConfiguredChecks nba = ConfiguredChecks.of(ShippedConfig.drift(Map.of(
                "ops.drift.nba.thresholds.vegas_points_line.coverage-warn-points", "2",
                "ops.drift.nba.thresholds.feature-store.rows-per-day-change-warn", "0.5")), Sport.nba);
        Check store = nba.checks().stream().filter(c -> c.name().equals("feature-store")).findFirst().orElseThrow();
        assertThat(store.features().get(25).thresholds().coverageWarnPoints()).isEqualTo(2);
        assertThat(store.features().get(25).thresholds().coverageCriticalPoints()).isEqualTo(15);
        assertThat(store.features().get(24).thresholds().coverageWarnPoints()).isEqualTo(5);
        assertThat(store.rowThresholds().rowsPerDayChangeWarn()).isEqualTo(0.5);
    }

    @Test
    void mistakesAreConfigurationErrorsNamingTheKey() {
        assertConfigError(Map.of("ops.drift.nba.thresholds.vegas_line.psi-warn", "0.2"),
                "ops.drift.nba.thresholds.vegas_line names no configured feature or check");
        assertConfigError(Map.of("ops.drift.nba.checks.feature-store.table", "ml_feature_store_v2"),
                "ops.drift.nba.checks.feature-store.*: 'ml_feature_store_v2' is not dataset.table");
        assertConfigError(Map.of("ops.drift.nba.checks.feature-store.table", "nba_predictions.x; DROP TABLE y"),
                "is not a valid table name");
        assertConfigError(Map.of("ops.drift.nba.checks.feature-store.non-zero", "vegas_line"),
                "non-zero names 'vegas_line', which is not one of its features");
        assertConfigError(Map.of("ops.drift.nba.checks.feature-store.min-array-length", "20"), "min-array-length 20 is below the 33");
        assertConfigError(Map.of("ops.drift.thresholds.psi-warn", "0.5"), "PSI thresholds need 0 < warn <= critical");
        assertConfigError(Map.of("ops.drift.nba.outcome.filter-value", ""), "filter-column and filter-value go together");
    }

    private static void assertConfigError(Map<String, String> overrides, String message) {
        assertThatThrownBy(() -> ConfiguredChecks.of(ShippedConfig.drift(overrides), Sport.nba))
                .isInstanceOfSatisfying(OpsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
