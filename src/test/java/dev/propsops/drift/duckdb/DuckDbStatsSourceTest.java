package dev.propsops.drift.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import dev.propsops.cli.StoreException;
import dev.propsops.drift.FeatureStatsSource;
import dev.propsops.drift.check.Check;
import dev.propsops.drift.check.Feature;
import dev.propsops.drift.check.Presence;
import dev.propsops.drift.check.TableRef;
import dev.propsops.drift.check.Thresholds;
import dev.propsops.drift.demo.FeatureStoreGenerator;
import dev.propsops.drift.demo.PlatformData;
import dev.propsops.drift.plan.Baseline;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.ComparisonPlanner;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.stats.Measurements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB in-process over Parquet exports or a database file: real SQL, real files. */
class DuckDbStatsSourceTest {
    static final ComparisonPlan JAN_2026 = ComparisonPlanner.plan(Optional.of(YearMonth.of(2026, 1)), Optional.empty(), Optional.empty(),
            Baseline.PREVIOUS_SEASON, LocalDate.of(2026, 2, 2));

    @TempDir
    Path tmp;

    static Check store(int features) {
        List<Feature> f = new ArrayList<>();
        for (int i = 0; i < features; i++) {
            f.add(new Feature("f" + i, i, i == 25 ? Presence.NOT_NULL_NOR_ZERO : Presence.NOT_NULL, Thresholds.DEFAULTS));
        }
        return new Check("feature-store", TableRef.parse("nba_predictions.ml_feature_store_v2"), "game_date", Optional.of("features"),
                features, f, true, Thresholds.DEFAULTS);
    }

    static Check context() {
        return new Check("prop-line-context", TableRef.parse("nba_analytics.upcoming_player_game_context"), "game_date", Optional.empty(), 0,
                List.of(new Feature("current_points_line", -1, Presence.NOT_NULL_NOR_ZERO, Thresholds.DEFAULTS)), false, Thresholds.DEFAULTS);
    }

    static StatsQuery query(Check c) {
        return new StatsQuery(c.table(), c.dateColumn(), Optional.of(c), Optional.empty(), JAN_2026);
    }

    @Test
    void readsTheBqExtractLayoutAcrossFilesAndSkipsATableThatIsNotThere() throws Exception {
        Path dir = PlatformData.handoff().writeParquet(tmp.resolve("exports"));
        try (var files = Files.walk(dir.resolve("nba_analytics"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (DuckDbStatsSource source = DuckDbStatsSource.parquet(dir)) {
            FeatureStatsSource.Preflight preflight = source.preflight(List.of(query(store(33)), query(context())));
            assertThat(preflight.runnable()).extracting(StatsQuery::name).containsExactly("feature-store");
            assertThat(preflight.skipped()).singleElement().satisfies(s -> {
                assertThat(s.check()).isEqualTo("prop-line-context");
                assertThat(s.reason()).contains("no " + dir.resolve("nba_analytics/upcoming_player_game_context") + "/*.parquet files");
            });
            Measurements m = source.measure(query(store(33)));
            // the 2025 rows are in the first file, the 2026 rows in the second
            assertThat(m.of(JAN_2026.periods().get(0)).rows()).isEqualTo(460L * 31);
            assertThat(m.of(JAN_2026.periods().get(1)).rows()).isEqualTo(200L * 31);
            assertThat(m.of(JAN_2026.periods().get(0)).gameDays()).isEqualTo(31);
            long vegas = m.of(JAN_2026.periods().get(0)).features().get(25).present();
            assertThat((double) vegas / (460 * 31)).isBetween(0.42, 0.45);
            assertThat(source.describe()).isEqualTo("DuckDB over parquet:" + dir);
        }
    }

    @Test
    void readsADatabaseFileReadOnlyAndLeavesItUntouched() throws Exception {
        Path file = PlatformData.stable().writeDuckDb(tmp.resolve("store.duckdb"));
        String before = sha256(file);
        try (DuckDbStatsSource source = DuckDbStatsSource.database(file)) {
            assertThat(source.preflight(List.of(query(store(33)), query(context()))).runnable()).hasSize(2);
            assertThat(source.measure(query(context())).of(JAN_2026.periods().get(0)).rows()).isEqualTo(200L * 31);
        }
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(tmp.resolve("store.duckdb.wal")).doesNotExist();
    }

    @Test
    void rowsWithAShortOrMissingArrayAreLeftOut() throws Exception {
        Path file = new PlatformData()
                .nba(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), FeatureStoreGenerator.Shape.of(100, 0.9).withShortArrays(0.2), 0.6)
                .writeDuckDb(tmp.resolve("short.duckdb"));
        try (Connection c = PlatformData.connect(file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO nba_predictions.ml_feature_store_v2 VALUES (DATE '2026-01-05', 'nulls', NULL)");
        }
        try (DuckDbStatsSource source = DuckDbStatsSource.database(file)) {
            source.preflight(List.of(query(store(33))));
            long rows = source.measure(query(store(33))).of(JAN_2026.periods().get(0)).rows();
            assertThat(rows).isBetween(3100L * 75 / 100, 3100L * 85 / 100);
            // a check on the first 20 features only keeps the short rows (and still drops the NULL array)
            source.preflight(List.of(query(store(20))));
            assertThat(source.measure(query(store(20))).of(JAN_2026.periods().get(0)).rows()).isEqualTo(3100);
        }
    }

    @Test
    void aMissingDatabaseFileIsRefusedAndNotCreated() {
        Path missing = tmp.resolve("nope.duckdb");
        assertThatThrownBy(() -> DuckDbStatsSource.database(missing)).isInstanceOfSatisfying(OpsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains("--source duckdb:" + missing + ": no such file");
        });
        assertThat(missing).doesNotExist();
        assertThatThrownBy(() -> DuckDbStatsSource.parquet(tmp.resolve("no-dir"))).isInstanceOfSatisfying(OpsException.class,
                e -> assertThat(e.getMessage()).contains("no such directory"));
    }

    @Test
    void aTableWithoutTheConfiguredColumnFailsNamingTableSourceAndColumn() throws Exception {
        Path file = tmp.resolve("odd.duckdb");
        try (Connection c = PlatformData.connect(file); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA nba_analytics");
            s.execute("CREATE TABLE nba_analytics.upcoming_player_game_context (game_date DATE, points_line DOUBLE)");
        }
        try (DuckDbStatsSource source = DuckDbStatsSource.database(file)) {
            source.preflight(List.of(query(context())));
            assertThatThrownBy(() -> source.measure(query(context()))).isInstanceOfSatisfying(StoreException.class, e -> {
                String message = ErrorExplainer.explain(e).message();
                assertThat(message).contains("measure nba_analytics.upcoming_player_game_context (prop-line-context)",
                        "DuckDB database " + file, "current_points_line");
            });
        }
    }

    @Test
    void aFileThatIsNotParquetFailsNamingTheTableAndTheSource() throws Exception {
        Path dir = tmp.resolve("broken");
        Path table = Files.createDirectories(dir.resolve("nba_predictions/ml_feature_store_v2"));
        Files.writeString(table.resolve("000000000000.parquet"), "{\"game_date\": \"2026-01-01\"}");
        try (DuckDbStatsSource source = DuckDbStatsSource.parquet(dir)) {
            assertThatThrownBy(() -> source.preflight(List.of(query(store(33))))).isInstanceOfSatisfying(StoreException.class, e -> {
                var x = ErrorExplainer.explain(e);
                assertThat(x.exitCode()).isEqualTo(ExitCode.FAILED);
                assertThat(x.message()).contains("attach the Parquet files of nba_predictions.ml_feature_store_v2 on DuckDB over parquet:" + dir,
                        "000000000000.parquet");
            });
        }
    }

    @Test
    void aTableInAnotherSchemaIsSkipped() throws Exception {
        Path file = tmp.resolve("main.duckdb");
        try (Connection c = PlatformData.connect(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ml_feature_store_v2 (game_date DATE, features DOUBLE[])");
        }
        try (DuckDbStatsSource source = DuckDbStatsSource.database(file)) {
            assertThat(source.preflight(List.of(query(store(33)))).skipped()).singleElement()
                    .satisfies(s -> assertThat(s.reason()).isEqualTo("no table nba_predictions.ml_feature_store_v2 in DuckDB database " + file));
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
