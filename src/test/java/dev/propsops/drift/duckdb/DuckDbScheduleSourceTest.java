package dev.propsops.drift.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.StoreException;
import dev.propsops.drift.check.TableRef;
import dev.propsops.drift.demo.PlatformData;
import dev.propsops.drift.query.ScheduleQuery;
import dev.propsops.drift.season.ScheduleSpec;
import dev.propsops.drift.season.ScheduledSeason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule through DuckDB, in the figures' own Parquet layout or database file: real SQL, real files. */
class DuckDbScheduleSourceTest {
    static final ScheduleSpec NBA = new ScheduleSpec(TableRef.parse("nba_raw.nbac_schedule"), "game_date", Optional.empty(), Optional.empty(), 60);
    static final ScheduleSpec MLB = new ScheduleSpec(TableRef.parse("mlb_raw.mlb_schedule"), "game_date", Optional.of("game_type"),
            Optional.of("R"), 60);

    @TempDir
    Path tmp;

    static ScheduleQuery scan(ScheduleSpec spec, String from, String to) {
        return new ScheduleQuery(spec, LocalDate.parse(from), LocalDate.parse(to));
    }

    static PlatformData schedules() {
        return new PlatformData().nbaGames(LocalDate.of(2024, 10, 22), LocalDate.of(2025, 6, 22))
                .nbaGames(LocalDate.of(2025, 10, 21), LocalDate.of(2026, 6, 14)).nbaGames(LocalDate.of(2026, 10, 27), LocalDate.of(2027, 4, 11))
                .mlbGames(LocalDate.of(2025, 3, 27), LocalDate.of(2025, 9, 28)).mlbGames(LocalDate.of(2026, 3, 25), LocalDate.of(2026, 9, 27));
    }

    @Test
    void findsEverySeasonStartInParquetWithItsSpan() throws Exception {
        Path dir = schedules().writeParquet(tmp.resolve("exports"));
        try (DuckDbStatsSource source = DuckDbStatsSource.parquet(dir)) {
            var schedule = source.schedule();
            ScheduleQuery q = scan(NBA, "2023-11-01", "2027-11-09");
            schedule.preflight(q);
            assertThat(schedule.seasons(q)).containsExactly(new ScheduledSeason(LocalDate.of(2024, 10, 22), LocalDate.of(2025, 6, 22)),
                    new ScheduledSeason(LocalDate.of(2025, 10, 21), LocalDate.of(2026, 6, 14)),
                    new ScheduledSeason(LocalDate.of(2026, 10, 27), LocalDate.of(2027, 4, 11)));
        }
    }

    @Test
    void theScannedRangeBoundsWhatIsSeenAndAFirstDayTooCloseToItsStartIsNoSeasonStart() throws Exception {
        Path file = schedules().writeDuckDb(tmp.resolve("schedules.duckdb"));
        try (DuckDbStatsSource source = DuckDbStatsSource.database(file)) {
            // the range starts mid-season: its first game day, 2025-01-10, cannot be told from a season start
            assertThat(source.schedule().seasons(scan(NBA, "2025-01-10", "2026-01-31"))).extracting(ScheduledSeason::start)
                    .containsExactly(LocalDate.of(2025, 10, 21));
            // but 60 days without games inside the range make the first game day a start
            assertThat(source.schedule().seasons(scan(NBA, "2024-08-01", "2025-01-31"))).extracting(ScheduledSeason::start)
                    .containsExactly(LocalDate.of(2024, 10, 22));
            // a larger gap only: the 2025 off-season (121 days) no longer separates two seasons
            ScheduleSpec wide = new ScheduleSpec(NBA.table(), "game_date", Optional.empty(), Optional.empty(), 130);
            assertThat(source.schedule().seasons(scan(wide, "2024-01-01", "2026-06-30"))).extracting(ScheduledSeason::start)
                    .containsExactly(LocalDate.of(2024, 10, 22));
            assertThat(source.schedule().seasons(scan(NBA, "2030-01-01", "2030-12-31"))).as("no games in the range").isEmpty();
        }
    }

    @Test
    void theFilterKeepsSpringTrainingOutAndWorksOnABoolColumnToo() throws Exception {
        Path file = schedules().writeDuckDb(tmp.resolve("schedules.duckdb"));
        try (DuckDbStatsSource source = DuckDbStatsSource.database(file)) {
            assertThat(source.schedule().seasons(scan(MLB, "2024-06-01", "2026-12-31"))).extracting(ScheduledSeason::start)
                    .containsExactly(LocalDate.of(2025, 3, 27), LocalDate.of(2026, 3, 25));
            ScheduleSpec everything = new ScheduleSpec(MLB.table(), "game_date", Optional.empty(), Optional.empty(), 60);
            assertThat(source.schedule().seasons(scan(everything, "2024-06-01", "2026-12-31"))).as("without the filter: spring training")
                    .extracting(ScheduledSeason::start).containsExactly(LocalDate.of(2025, 2, 23), LocalDate.of(2026, 2, 21));
            ScheduleSpec bool = new ScheduleSpec(NBA.table(), "game_date", Optional.of("is_playoffs"), Optional.of("true"), 60);
            assertThat(source.schedule().seasons(scan(bool, "2023-11-01", "2027-11-09"))).as("no playoff games in the data").isEmpty();
            ScheduleSpec regular = new ScheduleSpec(NBA.table(), "game_date", Optional.of("is_regular_season"), Optional.of("true"), 60);
            assertThat(source.schedule().seasons(scan(regular, "2023-11-01", "2027-11-09"))).hasSize(3);
        }
    }

    @Test
    void aMissingScheduleIsAStoreErrorNamingTheFilesAndTheTableIsNotCreated() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        try (DuckDbStatsSource source = DuckDbStatsSource.parquet(dir)) {
            assertThatThrownBy(() -> source.schedule().preflight(scan(NBA, "2024-01-01", "2026-01-01")))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(ErrorExplainer.explain(e).message()).isEqualTo(
                            "read the schedule nba_raw.nbac_schedule on DuckDB over parquet:" + dir + " failed: no "
                                    + dir.resolve("nba_raw/nbac_schedule") + "/*.parquet files"));
        }
        Path file = tmp.resolve("other.duckdb");
        try (Connection c = PlatformData.connect(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INTEGER)");
        }
        try (DuckDbStatsSource source = DuckDbStatsSource.database(file)) {
            assertThatThrownBy(() -> source.schedule().seasons(scan(NBA, "2024-01-01", "2026-01-01")))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(ErrorExplainer.explain(e).message())
                            .contains("no table nba_raw.nbac_schedule in DuckDB database " + file));
        }
    }

    @Test
    void aScheduleWithoutTheDateColumnFailsNamingTheColumn() throws Exception {
        Path file = tmp.resolve("odd.duckdb");
        try (Connection c = PlatformData.connect(file); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA nba_raw");
            s.execute("CREATE TABLE nba_raw.nbac_schedule (game_day DATE)");
        }
        try (DuckDbStatsSource source = DuckDbStatsSource.database(file)) {
            assertThatThrownBy(() -> source.schedule().seasons(scan(NBA, "2024-01-01", "2026-01-01")))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(ErrorExplainer.explain(e).message())
                            .contains("read the schedule nba_raw.nbac_schedule on DuckDB database " + file, "game_date"));
        }
    }
}
