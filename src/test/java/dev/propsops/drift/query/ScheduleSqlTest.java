package dev.propsops.drift.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zetasql.Value;
import dev.propsops.drift.ConfiguredSeasons;
import dev.propsops.drift.check.TableRef;
import dev.propsops.drift.demo.PlatformData;
import dev.propsops.drift.duckdb.DuckDbStatsSource;
import dev.propsops.drift.plan.Baseline;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.ComparisonPlanner;
import dev.propsops.drift.season.ScheduleSpec;
import dev.propsops.drift.season.ScheduledSeason;
import dev.propsops.drift.testdata.ShippedConfig;
import dev.propsops.sport.Sport;
import dev.propsops.sport.SportConfig;
import dev.propsops.testing.BigQuerySqlValidator;
import dev.propsops.testing.PlatformSchemas;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one statement against a schedule: valid BigQuery SQL for every shipped and filtered form, and the same answer in both dialects. */
class ScheduleSqlTest {
    static final BigQuerySqlValidator VALIDATOR = PlatformSchemas.validator();
    static final ComparisonPlan NOV_2026 = ComparisonPlanner.plan(Optional.empty(), Optional.of(LocalDate.of(2026, 11, 1)),
            Optional.of(LocalDate.of(2026, 11, 8)), Baseline.PREVIOUS_SEASON, LocalDate.of(2026, 12, 1));

    @TempDir
    Path tmp;

    static ScheduleSpec shipped(Sport sport) {
        SportConfig sports = ShippedConfig.sports();
        return ConfiguredSeasons.of(sports.of(sport), 14, sport).schedule().orElseThrow();
    }

    static SqlStatement bigQuery(ScheduleQuery q) {
        return ScheduleSql.build(q, Dialect.BIGQUERY, Dialect.BIGQUERY.table(Optional.of("test-project"), q.spec().table()));
    }

    @ParameterizedTest
    @EnumSource(Sport.class)
    void theShippedScheduleStatementIsValidBigQuerySqlWithOnlyNamedParameters(Sport sport) {
        ScheduleQuery q = ScheduleQuery.around(shipped(sport), NOV_2026);
        SqlStatement s = bigQuery(q);
        VALIDATOR.validate(s.sql(), StatsSqlTest.types(s));
        assertThat(s.sql()).as("values are parameters, never literals").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                .doesNotContain("'R'").doesNotContain(">= 60");
        assertThat(s.sql()).as("the partition filter the platform's table requires")
                .contains("WHERE `game_date` BETWEEN @scan_start AND @scan_end");
        assertThat(s.parameters()).containsEntry("gap_days", 60L)
                .containsEntry("scan_start", LocalDate.of(2023, 11, 1)) // two years before the baseline 2025-11-01
                .containsEntry("scan_end", LocalDate.of(2027, 11, 9)); // a year after the window
        assertThat(s.parameters().containsKey("schedule_filter")).isEqualTo(sport == Sport.mlb);
    }

    @Test
    void aFilterOnABoolOrAnIntegerColumnIsReadAsText() {
        for (String[] filter : List.of(new String[] { "is_regular_season", "true" }, new String[] { "game_status", "3" },
                new String[] { "game_id", "0022500001" })) {
            ScheduleSpec spec = new ScheduleSpec(TableRef.parse("nba_raw.nbac_schedule"), "game_date", Optional.of(filter[0]),
                    Optional.of(filter[1]), 45);
            SqlStatement s = bigQuery(ScheduleQuery.around(spec, NOV_2026));
            VALIDATOR.validate(s.sql(), StatsSqlTest.types(s));
            assertThat(s.sql()).contains("AND CAST(`" + filter[0] + "` AS STRING) = @schedule_filter");
            assertThat(s.parameters()).containsEntry("schedule_filter", filter[1]).containsEntry("gap_days", 45L);
        }
    }

    @Test
    void theDuckDbStatementBindsEveryPlaceholderInOrder() {
        SqlStatement s = ScheduleSql.build(ScheduleQuery.around(shipped(Sport.mlb), NOV_2026), Dialect.DUCKDB,
                Dialect.DUCKDB.table(Optional.empty(), TableRef.parse("mlb_raw.mlb_schedule")));
        assertThat(s.sql().chars().filter(ch -> ch == '?').count()).isEqualTo(5);
        assertThat(s.positional()).containsExactly("scan_start", "scan_end", "schedule_filter", "scan_start", "gap_days");
        assertThat(s.positionalValues()).doesNotContainNull();
        assertThat(s.sql()).doesNotContain("@").doesNotContain("DATE_DIFF(").contains("date_diff('day', ");
    }

    @Test
    void theValidatorWouldCatchADialectMixUp() {
        ScheduleQuery q = ScheduleQuery.around(shipped(Sport.mlb), NOV_2026);
        SqlStatement duck = ScheduleSql.build(q, Dialect.DUCKDB, Dialect.BIGQUERY.table(Optional.of("test-project"), q.spec().table()));
        assertThatThrownBy(() -> VALIDATOR.validate(duck.sql(), Map.of())).isInstanceOf(AssertionError.class);
        ScheduleSpec wrongColumn = new ScheduleSpec(TableRef.parse("nba_raw.nbac_schedule"), "gamedate", Optional.empty(),
                Optional.empty(), 60);
        SqlStatement s = bigQuery(ScheduleQuery.around(wrongColumn, NOV_2026));
        assertThatThrownBy(() -> VALIDATOR.validate(s.sql(), StatsSqlTest.types(s))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("gamedate");
    }

    @Test
    void seasonsLastUntilTheGameDayBeforeTheNextStart() {
        List<ScheduledSeason> seasons = ScheduleSql.seasons(List.of(
                new ScheduleSql.Row(LocalDate.of(2026, 10, 27), Optional.of(LocalDate.of(2026, 6, 14)), LocalDate.of(2027, 4, 11)),
                new ScheduleSql.Row(LocalDate.of(2025, 10, 21), Optional.empty(), LocalDate.of(2027, 4, 11))));
        assertThat(seasons).containsExactly(new ScheduledSeason(LocalDate.of(2025, 10, 21), LocalDate.of(2026, 6, 14)),
                new ScheduledSeason(LocalDate.of(2026, 10, 27), LocalDate.of(2027, 4, 11)));
        assertThat(ScheduleSql.seasons(List.of())).isEmpty();
    }

    /**
     * Three NBA seasons, one with a 7-day break, and two MLB seasons with spring training right before them:
     * DuckDB's statement and BigQuery's (on ZetaSQL's reference engine) find the same starts.
     */
    @Test
    void duckDbAndBigQueryFindTheSameSeasonStarts() throws Exception {
        Path db = new PlatformData().nbaGames(LocalDate.of(2024, 10, 22), LocalDate.of(2025, 2, 13))
                .nbaGames(LocalDate.of(2025, 2, 20), LocalDate.of(2025, 6, 22)) // the All-Star break: 7 days, same season
                .nbaGames(LocalDate.of(2025, 10, 21), LocalDate.of(2026, 6, 14)).nbaGames(LocalDate.of(2026, 10, 27), LocalDate.of(2026, 11, 30))
                .mlbGames(LocalDate.of(2025, 3, 27), LocalDate.of(2025, 9, 28)).mlbGames(LocalDate.of(2026, 3, 25), LocalDate.of(2026, 9, 27))
                .writeDuckDb(tmp.resolve("schedules.duckdb"));
        ZetaSqlEngine zeta = new ZetaSqlEngine();
        try (Connection c = PlatformData.connect(db)) {
            PlatformSchemas.SCHEDULE_TABLES.forEach((table, schema) -> {
                try {
                    zeta.copy(c, "test-project", table, schema);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        ComparisonPlan jan2026 = ComparisonPlanner.plan(Optional.of(YearMonth.of(2026, 1)), Optional.empty(), Optional.empty(),
                Baseline.PREVIOUS_SEASON, LocalDate.of(2026, 12, 1));
        try (DuckDbStatsSource duck = DuckDbStatsSource.database(db)) {
            for (Sport sport : Sport.values()) {
                ScheduleQuery q = ScheduleQuery.around(shipped(sport), jan2026);
                List<ScheduledSeason> fromDuck = duck.schedule().seasons(q);
                List<ScheduleSql.Row> rows = new ArrayList<>();
                for (Map<String, Value> r : zeta.rows(bigQuery(q))) {
                    Value previous = r.get(ScheduleSql.PREVIOUS_GAME_DAY);
                    rows.add(new ScheduleSql.Row(r.get(ScheduleSql.SEASON_START).getLocalDateValue(),
                            previous.isNull() ? Optional.empty() : Optional.of(previous.getLocalDateValue()),
                            r.get(ScheduleSql.LAST_GAME_DAY).getLocalDateValue()));
                }
                assertThat(fromDuck).as(sport.name()).isEqualTo(ScheduleSql.seasons(rows));
                if (sport == Sport.nba) {
                    assertThat(fromDuck).extracting(ScheduledSeason::start).containsExactly(LocalDate.of(2024, 10, 22),
                            LocalDate.of(2025, 10, 21), LocalDate.of(2026, 10, 27));
                    assertThat(fromDuck.get(0).lastGameDay()).isEqualTo(LocalDate.of(2025, 6, 22));
                } else {
                    // spring training (game_type S) ends 3 days before each opener: filtered out, it would start the season in February
                    assertThat(fromDuck).extracting(ScheduledSeason::start).containsExactly(LocalDate.of(2025, 3, 27),
                            LocalDate.of(2026, 3, 25));
                }
            }
        }
    }
}
