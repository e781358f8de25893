package dev.propsops.drift.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.drift.ConfiguredChecks;
import dev.propsops.drift.plan.Baseline;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.ComparisonPlanner;
import dev.propsops.drift.testdata.ShippedConfig;
import dev.propsops.sport.Sport;
import dev.propsops.testing.BigQuerySqlValidator;
import dev.propsops.testing.PlatformSchemas;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every statement drift-check sends to BigQuery, for both sports and every kind of window, through ZetaSQL. */
class StatsSqlTest {
    static final BigQuerySqlValidator VALIDATOR = PlatformSchemas.validator();
    static final LocalDate TODAY = LocalDate.of(2026, 2, 2);

    static List<ComparisonPlan> plans() {
        return List.of(
                ComparisonPlanner.plan(Optional.of(YearMonth.of(2026, 1)), Optional.empty(), Optional.empty(), Baseline.PREVIOUS_SEASON, TODAY),
                ComparisonPlanner.plan(Optional.empty(), Optional.of(LocalDate.of(2025, 3, 10)), Optional.of(LocalDate.of(2026, 1, 31)),
                        Baseline.PREVIOUS_WINDOW, TODAY),
                ComparisonPlanner.plan(Optional.of(YearMonth.of(2025, 12)), Optional.empty(), Optional.empty(), Baseline.parse("2025-01"), TODAY));
    }

    static Map<String, String> types(SqlStatement s) {
        Map<String, String> types = new LinkedHashMap<>();
        s.parameters().forEach((name, value) -> types.put(name, value instanceof LocalDate ? "DATE" : value instanceof Long ? "INT64" : "STRING"));
        return types;
    }

    static SqlStatement bigQuery(StatsQuery q) {
        return StatsSql.build(q, Dialect.BIGQUERY, Dialect.BIGQUERY.table(Optional.of("test-project"), q.table()));
    }

    @ParameterizedTest
    @EnumSource(Sport.class)
    void everyStatementIsValidBigQuerySqlWithOnlyNamedParameters(Sport sport) {
        ConfiguredChecks checks = ConfiguredChecks.of(ShippedConfig.drift(), sport);
        for (ComparisonPlan plan : plans()) {
            for (StatsQuery q : checks.queries(plan)) {
                SqlStatement s = bigQuery(q);
                VALIDATOR.validate(s.sql(), types(s));
                assertThat(s.sql()).as("values are parameters, never literals").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                        .doesNotContain("catboost_v8");
                assertThat(s.sql()).contains("WHERE (`" + q.dateColumn() + "` BETWEEN @window_start AND @window_end\n    OR `"
                        + q.dateColumn() + "` BETWEEN @baseline_start AND @baseline_end)");
                assertThat(s.parameters()).containsEntry("window_start", plan.from()).containsEntry("window_end", plan.to())
                        .containsEntry("baseline_start", plan.baselineRange().start());
            }
        }
    }

    @Test
    void oneStatementPerTableCoversEveryFeatureAndEveryMonth() {
        ComparisonPlan plan = plans().get(1); // 11 months against one previous window
        List<StatsQuery> queries = ConfiguredChecks.of(ShippedConfig.drift(), Sport.nba).queries(plan);
        assertThat(queries).extracting(q -> q.table().toString()).containsExactly("nba_predictions.ml_feature_store_v2",
                "nba_analytics.upcoming_player_game_context", "nba_predictions.prediction_accuracy");
        SqlStatement store = bigQuery(queries.get(0));
        for (int i = 0; i < 33; i++) {
            assertThat(store.sql()).contains("AS present_" + i + ",", "AS quantiles_" + i);
        }
        assertThat(store.sql()).contains("`features`[SAFE_OFFSET(25)] IS NOT NULL AND `features`[SAFE_OFFSET(25)] <> 0",
                "APPROX_QUANTILES(CASE WHEN", "AND ARRAY_LENGTH(`features`) >= @min_array_length", "FROM `test-project.nba_predictions.ml_feature_store_v2`");
        assertThat(store.parameters()).containsEntry("min_array_length", 33L).containsKeys("p0_start", "p11_end").doesNotContainKey("p12_start");
        assertThat(bigQuery(queries.get(2)).parameters()).containsEntry("outcome_filter", "catboost_v8");
    }

    @Test
    void theDuckDbStatementBindsEveryPlaceholderInOrder() {
        ComparisonPlan plan = plans().get(0);
        for (StatsQuery q : ConfiguredChecks.of(ShippedConfig.drift(), Sport.nba).queries(plan)) {
            SqlStatement s = StatsSql.build(q, Dialect.DUCKDB, Dialect.DUCKDB.table(Optional.empty(), q.table()));
            long placeholders = s.sql().chars().filter(ch -> ch == '?').count();
            assertThat(s.positionalValues()).hasSize((int) placeholders).doesNotContainNull();
            assertThat(s.sql()).doesNotContain("@").doesNotContain("SAFE_OFFSET");
            assertThat(s.positional().subList(0, 2)).containsExactly("p0_start", "p0_end");
        }
    }

    @Test
    void theValidatorWouldCatchADialectMixUp() {
        // the DuckDB text is not BigQuery SQL: proves the validation above can fail
        StatsQuery q = ConfiguredChecks.of(ShippedConfig.drift(), Sport.nba).queries(plans().get(0)).get(0);
        SqlStatement duck = StatsSql.build(q, Dialect.DUCKDB, Dialect.BIGQUERY.table(Optional.of("test-project"), q.table()));
        assertThatThrownBy(() -> VALIDATOR.validate(duck.sql(), Map.of())).isInstanceOf(AssertionError.class);
    }
}
