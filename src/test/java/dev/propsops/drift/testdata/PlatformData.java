package dev.propsops.drift.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Two seasons of synthetic platform data for drift-check, written to DuckDB (a database file whose schemas
 * are the datasets) or to Parquet in the {@code bq extract} layout DIR/<dataset>/<table>/*.parquet:
 * the NBA feature store, the phase-3 context with current_points_line, the graded predictions
 * (prediction_accuracy, two systems) and MLB's pitcher_strikeouts.
 */
public final class PlatformData {
    /** First day with feature-store rows in each season: the season start plus the 14 bootstrap days. */
    public static final LocalDate NBA_2024_25_DATA = LocalDate.of(2024, 11, 5);
    public static final LocalDate NBA_2024_25_END = LocalDate.of(2025, 4, 13);
    public static final LocalDate NBA_2025_26_DATA = LocalDate.of(2025, 11, 4);
    public static final LocalDate NBA_2025_26_END = LocalDate.of(2026, 1, 31);
    public static final String PRODUCTION_SYSTEM = "catboost_v8";

    /** One span of days: the shape of the rows and the production model's hit rate. */
    public record Span(LocalDate from, LocalDate to, FeatureStoreGenerator.Shape shape, double hitRate) {
    }

    private final List<Span> nba = new ArrayList<>();
    private final List<Span> mlb = new ArrayList<>();
    private final long seed = 7;

    public PlatformData nba(LocalDate from, LocalDate to, FeatureStoreGenerator.Shape shape, double hitRate) {
        nba.add(new Span(from, to, shape, hitRate));
        return this;
    }

    /** MLB spans reuse the shape: rows per day are pitchers, vegasCoverage the share with a strikeouts line. */
    public PlatformData mlb(LocalDate from, LocalDate to, FeatureStoreGenerator.Shape shape, double hitRate) {
        mlb.add(new Span(from, to, shape, hitRate));
        return this;
    }

    /** 2024-25 as it was: 200 rows a day, 99.4% with a Vegas line, hit rate 74%. */
    public static PlatformData baselineSeason() {
        return new PlatformData().nba(NBA_2024_25_DATA, NBA_2024_25_END, FeatureStoreGenerator.Shape.of(200, 0.994), 0.74);
    }

    /** The incident: in 2025-26 the store took every player, 2.3x the rows, 43.4% with a line; hit rate 58%. */
    public static PlatformData handoff() {
        return baselineSeason().nba(NBA_2025_26_DATA, NBA_2025_26_END, FeatureStoreGenerator.Shape.of(460, 0.434), 0.58);
    }

    /** 2025-26 like 2024-25. */
    public static PlatformData stable() {
        return baselineSeason().nba(NBA_2025_26_DATA, NBA_2025_26_END, FeatureStoreGenerator.Shape.of(200, 0.994), 0.74);
    }

    /** Stable, but one feature's mean moves by {@code sds} standard deviations in 2025-26, fully covered. */
    public static PlatformData shifted(int feature, double sds) {
        return baselineSeason().nba(NBA_2025_26_DATA, NBA_2025_26_END,
                FeatureStoreGenerator.Shape.of(200, 0.994).shifted(feature, sds), 0.74);
    }

    public FeatureStoreGenerator featureStore() {
        FeatureStoreGenerator g = new FeatureStoreGenerator(seed);
        nba.forEach(s -> g.days(s.from(), s.to(), s.shape()));
        return g;
    }

    public static DuckDBConnection connect(Path file) throws SQLException {
        return (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + (file == null ? "" : file.toAbsolutePath()), new Properties());
    }

    /** Writes a DuckDB database file with schemas nba_predictions, nba_analytics, mlb_predictions. */
    public Path writeDuckDb(Path file) throws SQLException {
        try (DuckDBConnection c = connect(file)) {
            write(c);
        }
        return file;
    }

    /** Writes DIR/<dataset>/<table>/00000000000N.parquet, the feature store in two files. */
    public Path writeParquet(Path dir) throws Exception {
        try (DuckDBConnection c = connect(null)) {
            write(c);
            for (String table : tables()) {
                Path out = dir.resolve(table.replace('.', '/'));
                Files.createDirectories(out);
                if (table.endsWith("ml_feature_store_v2")) {
                    // two files, as bq extract splits large tables
                    copy(c, "SELECT * FROM " + table + " WHERE game_date < DATE '2025-07-01'", out.resolve("000000000000.parquet"));
                    copy(c, "SELECT * FROM " + table + " WHERE game_date >= DATE '2025-07-01'", out.resolve("000000000001.parquet"));
                } else {
                    copy(c, "SELECT * FROM " + table, out.resolve("000000000000.parquet"));
                }
            }
        }
        return dir;
    }

    private List<String> tables() {
        List<String> t = new ArrayList<>();
        if (!nba.isEmpty()) {
            t.addAll(List.of("nba_predictions.ml_feature_store_v2", "nba_analytics.upcoming_player_game_context",
                    "nba_predictions.prediction_accuracy"));
        }
        if (!mlb.isEmpty()) {
            t.add("mlb_predictions.pitcher_strikeouts");
        }
        return t;
    }

    private static void copy(Connection c, String select, Path file) throws SQLException {
        exec(c, "COPY (" + select + ") TO '" + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet)");
    }

    /** Creates and fills the tables in {@code c}. */
    public void write(DuckDBConnection c) throws SQLException {
        if (!nba.isEmpty()) {
            writeNba(c);
        }
        if (!mlb.isEmpty()) {
            writeMlb(c);
        }
    }

    private void writeNba(DuckDBConnection c) throws SQLException {
        exec(c, "CREATE SCHEMA IF NOT EXISTS nba_predictions");
        exec(c, "CREATE SCHEMA IF NOT EXISTS nba_analytics");
        exec(c, "CREATE TABLE nba_predictions.ml_feature_store_v2 (game_date DATE, player_lookup VARCHAR, features DOUBLE[])");
        exec(c, "CREATE TABLE nba_analytics.upcoming_player_game_context (player_lookup VARCHAR, game_id VARCHAR, game_date DATE, "
                + "team_abbr VARCHAR, opponent_team_abbr VARCHAR, has_prop_line BOOLEAN, current_points_line DOUBLE, "
                + "opening_points_line DOUBLE, game_spread DOUBLE)");
        exec(c, "CREATE TABLE nba_predictions.prediction_accuracy (player_lookup VARCHAR, game_id VARCHAR, game_date DATE, "
                + "system_id VARCHAR, predicted_points DOUBLE, line_value DOUBLE, recommendation VARCHAR, actual_points DOUBLE, "
                + "prediction_correct BOOLEAN)");
        try (DuckDBAppender a = c.createAppender("nba_predictions", "ml_feature_store_v2")) {
            featureStore().generate(row -> {
                try {
                    a.beginRow().append(row.gameDate()).append(row.playerLookup()).append(row.features()).endRow();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        try (DuckDBAppender ctx = c.createAppender("nba_analytics", "upcoming_player_game_context");
                DuckDBAppender acc = c.createAppender("nba_predictions", "prediction_accuracy")) {
            for (Span s : nba) {
                for (LocalDate d = s.from(); !d.isAfter(s.to()); d = d.plusDays(1)) {
                    SplittableRandom r = new SplittableRandom(seed * 31 + d.toEpochDay());
                    for (int p = 0; p < s.shape().rowsPerDay(); p++) {
                        boolean line = r.nextDouble() < s.shape().vegasCoverage();
                        double points = 15 + 6 * r.nextGaussian();
                        ctx.beginRow().append("player_" + p).append(d + "_g" + (p % 10)).append(d).append("LAL").append("BOS")
                                .append(line).append(line ? Math.max(0.5, Math.round(points * 2) / 2.0) : 0.0)
                                .append(line ? 15.5 : 0.0).append(r.nextGaussian() * 6).endRow();
                    }
                    // 60 graded picks a day for production and for a challenger that is always right (must not count)
                    for (int p = 0; p < 60; p++) {
                        double u = r.nextDouble();
                        Boolean correct = u < 0.1 ? null : r.nextDouble() < s.hitRate();
                        appendPick(acc, d, p, PRODUCTION_SYSTEM, correct);
                        appendPick(acc, d, p, "challenger_v9", Boolean.TRUE);
                    }
                }
            }
        }
    }

    private static void appendPick(DuckDBAppender a, LocalDate d, int p, String system, Boolean correct) throws SQLException {
        a.beginRow().append("player_" + p).append(d + "_g" + (p % 10)).append(d).append(system).append(20.5).append(19.5)
                .append("OVER").append(22.0);
        if (correct == null) {
            a.appendNull();
        } else {
            a.append(correct.booleanValue());
        }
        a.endRow();
    }

    private void writeMlb(DuckDBConnection c) throws SQLException {
        exec(c, "CREATE SCHEMA IF NOT EXISTS mlb_predictions");
        exec(c, "CREATE TABLE mlb_predictions.pitcher_strikeouts (game_date DATE, pitcher_lookup VARCHAR, strikeouts_line DOUBLE, "
                + "predicted_strikeouts DOUBLE, is_correct BOOLEAN)");
        try (DuckDBAppender a = c.createAppender("mlb_predictions", "pitcher_strikeouts")) {
            for (Span s : mlb) {
                for (LocalDate d = s.from(); !d.isAfter(s.to()); d = d.plusDays(1)) {
                    SplittableRandom r = new SplittableRandom(seed * 17 + d.toEpochDay());
                    for (int p = 0; p < s.shape().rowsPerDay(); p++) {
                        boolean line = r.nextDouble() < s.shape().vegasCoverage();
                        a.beginRow().append(d).append("pitcher_" + p);
                        if (line) {
                            a.append(Math.round((5.5 + 1.5 * r.nextGaussian()) * 2) / 2.0);
                        } else {
                            a.appendNull();
                        }
                        a.append(5.5 + 1.5 * r.nextGaussian());
                        if (line) {
                            a.append(r.nextDouble() < s.hitRate());
                        } else {
                            a.appendNull();
                        }
                        a.endRow();
                    }
                }
            }
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
