package dev.propsops.drift.demo;

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
 * Seasons of synthetic platform data for drift-check, written to DuckDB (a database file whose schemas
 * are the datasets) or to Parquet in the {@code bq extract} layout DIR/<dataset>/<table>/*.parquet:
 * the NBA feature store, the phase-3 context with current_points_line, the graded predictions
 * (prediction_accuracy, two systems), MLB's pitcher_strikeouts, and each sport's schedule
 * (nba_raw.nbac_schedule, mlb_raw.mlb_schedule with spring-training games before the regular season).
 * Used by the demo, the tests and the benchmark in src/bench/drift-check.
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

    /** Days without feature-store rows at a season's start (ops.drift.bootstrap-days). */
    public static final int BOOTSTRAP_DAYS = 14;

    private record Games(LocalDate from, LocalDate to) {
    }

    private final List<Span> nba = new ArrayList<>();
    private final List<Span> mlb = new ArrayList<>();
    private final List<Span> nbaContextOnly = new ArrayList<>();
    private final List<Games> nbaGames = new ArrayList<>();
    private final List<Games> mlbGames = new ArrayList<>();
    private final long seed = 7;

    public PlatformData nba(LocalDate from, LocalDate to, FeatureStoreGenerator.Shape shape, double hitRate) {
        nba.add(new Span(from, to, shape, hitRate));
        return this;
    }

    /**
     * A season as the platform writes it: games and the phase-3 context from opening night, feature-store
     * rows and graded predictions from the end of the bootstrap.
     */
    public PlatformData nbaSeason(LocalDate openingNight, LocalDate lastDay, FeatureStoreGenerator.Shape shape, double hitRate) {
        nbaContextOnly.add(new Span(openingNight, openingNight.plusDays(BOOTSTRAP_DAYS - 1L), shape, hitRate));
        return nbaGames(openingNight, lastDay).nba(openingNight.plusDays(BOOTSTRAP_DAYS), lastDay, shape, hitRate);
    }

    /** Schedule rows (nba_raw.nbac_schedule): a few games on every day from {@code from} to {@code to}. */
    public PlatformData nbaGames(LocalDate from, LocalDate to) {
        nbaGames.add(new Games(from, to));
        return this;
    }

    /** Schedule rows (mlb_raw.mlb_schedule, game_type R) from {@code from} to {@code to}, after a month of spring training (S). */
    public PlatformData mlbGames(LocalDate from, LocalDate to) {
        mlbGames.add(new Games(from, to));
        return this;
    }

    /** MLB spans reuse the shape: rows per day are pitchers, vegasCoverage the share with a strikeouts line. */
    public PlatformData mlb(LocalDate from, LocalDate to, FeatureStoreGenerator.Shape shape, double hitRate) {
        mlb.add(new Span(from, to, shape, hitRate));
        return this;
    }

    /** 2024-25 as it was: 200 rows a day, 99.4% with a Vegas line, hit rate 74%; the schedule of both seasons. */
    public static PlatformData baselineSeason() {
        return new PlatformData().nbaGames(NBA_2024_25_DATA.minusDays(BOOTSTRAP_DAYS), NBA_2024_25_END)
                .nbaGames(NBA_2025_26_DATA.minusDays(BOOTSTRAP_DAYS), NBA_2025_26_END)
                .nba(NBA_2024_25_DATA, NBA_2024_25_END, FeatureStoreGenerator.Shape.of(200, 0.994), 0.74);
    }

    /** The incident: in 2025-26 the store took every player, 2.3x the rows, 43.4% with a line; hit rate 58%. */
    public static PlatformData handoff() {
        return baselineSeason().nba(NBA_2025_26_DATA, NBA_2025_26_END, FeatureStoreGenerator.Shape.of(460, 0.434), 0.58);
    }

    /**
     * The incident's two Januaries only (with the schedule of both seasons): what the demo checks, at a
     * third of the rows of {@link #handoff()}.
     */
    public static PlatformData handoffJanuaries() {
        return new PlatformData().nbaGames(NBA_2024_25_DATA.minusDays(BOOTSTRAP_DAYS), NBA_2024_25_END)
                .nbaGames(NBA_2025_26_DATA.minusDays(BOOTSTRAP_DAYS), NBA_2025_26_END)
                .nba(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), FeatureStoreGenerator.Shape.of(200, 0.994), 0.74)
                .nba(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), FeatureStoreGenerator.Shape.of(460, 0.434), 0.58);
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
        if (!nbaGames.isEmpty()) {
            t.add("nba_raw.nbac_schedule");
        }
        if (!mlb.isEmpty()) {
            t.add("mlb_predictions.pitcher_strikeouts");
        }
        if (!mlbGames.isEmpty()) {
            t.add("mlb_raw.mlb_schedule");
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
        if (!nbaGames.isEmpty()) {
            writeNbaSchedule(c);
        }
        if (!mlb.isEmpty()) {
            writeMlb(c);
        }
        if (!mlbGames.isEmpty()) {
            writeMlbSchedule(c);
        }
    }

    private static final List<String> TEAMS = List.of("LAL", "BOS", "GSW", "MIA", "DEN", "NYK", "PHX", "MIL", "DAL", "OKC");

    private void writeNbaSchedule(DuckDBConnection c) throws SQLException {
        exec(c, "CREATE SCHEMA IF NOT EXISTS nba_raw");
        exec(c, "CREATE TABLE nba_raw.nbac_schedule (game_id VARCHAR, game_date DATE, season_year BIGINT, game_status BIGINT, "
                + "home_team_tricode VARCHAR, away_team_tricode VARCHAR, is_regular_season BOOLEAN, is_playoffs BOOLEAN)");
        try (DuckDBAppender a = c.createAppender("nba_raw", "nbac_schedule")) {
            for (Games g : nbaGames) {
                for (LocalDate d = g.from(); !d.isAfter(g.to()); d = d.plusDays(1)) {
                    int seasonYear = d.getMonthValue() >= 8 ? d.getYear() : d.getYear() - 1;
                    for (int game = 0; game < 5; game++) {
                        a.beginRow().append(String.format(java.util.Locale.ROOT, "00%d%s%02d", seasonYear % 100, d.toString().replace("-", ""), game))
                                .append(d).append((long) seasonYear).append(3L).append(TEAMS.get(2 * game)).append(TEAMS.get(2 * game + 1))
                                .append(true).append(false).endRow();
                    }
                }
            }
        }
    }

    private void writeMlbSchedule(DuckDBConnection c) throws SQLException {
        exec(c, "CREATE SCHEMA IF NOT EXISTS mlb_raw");
        exec(c, "CREATE TABLE mlb_raw.mlb_schedule (game_pk BIGINT, game_date DATE, season BIGINT, game_type VARCHAR, "
                + "home_team_abbr VARCHAR, away_team_abbr VARCHAR)");
        long pk = 700_000;
        try (DuckDBAppender a = c.createAppender("mlb_raw", "mlb_schedule")) {
            for (Games g : mlbGames) {
                // spring training from a month before, up to two days before the regular season: not a season start
                for (LocalDate d = g.from().minusDays(32); !d.isAfter(g.to()); d = d.plusDays(1)) {
                    boolean spring = d.isBefore(g.from());
                    if (spring && !d.isBefore(g.from().minusDays(2))) {
                        continue;
                    }
                    for (int game = 0; game < 3; game++) {
                        a.beginRow().append(pk++).append(d).append((long) d.getYear()).append(spring ? "S" : "R")
                                .append(TEAMS.get(2 * game)).append(TEAMS.get(2 * game + 1)).endRow();
                    }
                }
            }
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
            for (Span s : nbaContextOnly) {
                for (LocalDate d = s.from(); !d.isAfter(s.to()); d = d.plusDays(1)) {
                    appendContext(ctx, d, s.shape(), new SplittableRandom(seed * 31 + d.toEpochDay()));
                }
            }
            for (Span s : nba) {
                for (LocalDate d = s.from(); !d.isAfter(s.to()); d = d.plusDays(1)) {
                    SplittableRandom r = new SplittableRandom(seed * 31 + d.toEpochDay());
                    appendContext(ctx, d, s.shape(), r);
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

    private static void appendContext(DuckDBAppender ctx, LocalDate d, FeatureStoreGenerator.Shape shape, SplittableRandom r)
            throws SQLException {
        for (int p = 0; p < shape.rowsPerDay(); p++) {
            boolean line = r.nextDouble() < shape.vegasCoverage();
            double points = 15 + 6 * r.nextGaussian();
            ctx.beginRow().append("player_" + p).append(d + "_g" + (p % 10)).append(d).append("LAL").append("BOS")
                    .append(line).append(line ? Math.max(0.5, Math.round(points * 2) / 2.0) : 0.0)
                    .append(line ? 15.5 : 0.0).append(r.nextGaussian() * 6).endRow();
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
