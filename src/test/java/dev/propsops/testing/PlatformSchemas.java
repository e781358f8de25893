package dev.propsops.testing;

import java.util.List;

/**
 * The platform's BigQuery schemas as far as props-ops reads them, in one place: every SQL statement the
 * project sends is validated against these. Add a table here when a feature starts reading it.
 */
public final class PlatformSchemas {
    /** The project ids the tests use in fully qualified names. */
    public static final List<String> PROJECTS = List.of("test-project", "nba-props-platform");

    /** The legacy per-dataset metadata table that `bq query 'SELECT * FROM dataset.__TABLES__'` reads. */
    private static final String[] TABLES_META = { "project_id STRING", "dataset_id STRING", "table_id STRING",
            "creation_time INT64", "last_modified_time INT64", "row_count INT64", "size_bytes INT64", "type INT64" };

    /** drift-check: the NBA feature store (one array of 33 features per player and game). */
    public static final String[] ML_FEATURE_STORE_V2 = { "game_date DATE", "player_lookup STRING", "features ARRAY<FLOAT64>" };

    /** drift-check: phase-3 context per player and upcoming game, with the prop line. */
    public static final String[] UPCOMING_PLAYER_GAME_CONTEXT = { "player_lookup STRING", "game_id STRING", "game_date DATE",
            "team_abbr STRING", "opponent_team_abbr STRING", "has_prop_line BOOL", "current_points_line FLOAT64",
            "opening_points_line FLOAT64", "game_spread FLOAT64" };

    /**
     * drift-check: graded NBA predictions, one row per system and player-game. A plausible schema defined for
     * props-ops (the issue names the table and system_id only): prediction_correct is NULL when not graded.
     */
    public static final String[] PREDICTION_ACCURACY = { "player_lookup STRING", "game_id STRING", "game_date DATE",
            "system_id STRING", "predicted_points FLOAT64", "line_value FLOAT64", "recommendation STRING",
            "actual_points FLOAT64", "prediction_correct BOOL" };

    /** drift-check: MLB strikeout predictions; strikeouts_line is NULL when no line was found. */
    public static final String[] PITCHER_STRIKEOUTS = { "game_date DATE", "pitcher_lookup STRING", "strikeouts_line FLOAT64",
            "predicted_strikeouts FLOAT64", "is_correct BOOL" };

    /**
     * drift-check's season starts: the NBA schedule, as far as props-ops reads it (the platform's table has
     * more columns; it is partitioned on game_date and requires a filter on it).
     */
    public static final String[] NBAC_SCHEDULE = { "game_id STRING", "game_date DATE", "season_year INT64", "game_status INT64",
            "home_team_tricode STRING", "away_team_tricode STRING", "is_regular_season BOOL", "is_playoffs BOOL" };

    /** drift-check's season starts: the MLB schedule; game_type R is the regular season (S spring training). */
    public static final String[] MLB_SCHEDULE = { "game_pk INT64", "game_date DATE", "season INT64", "game_type STRING",
            "home_team_abbr STRING", "away_team_abbr STRING" };

    /** The schedules drift-check reads its season starts from, by dataset.table. */
    public static final java.util.Map<String, String[]> SCHEDULE_TABLES = java.util.Map.of(
            "nba_raw.nbac_schedule", NBAC_SCHEDULE,
            "mlb_raw.mlb_schedule", MLB_SCHEDULE);

    /** The tables drift-check reads, by dataset.table. */
    public static final java.util.Map<String, String[]> DRIFT_TABLES = java.util.Map.of(
            "nba_predictions.ml_feature_store_v2", ML_FEATURE_STORE_V2,
            "nba_analytics.upcoming_player_game_context", UPCOMING_PLAYER_GAME_CONTEXT,
            "nba_predictions.prediction_accuracy", PREDICTION_ACCURACY,
            "mlb_predictions.pitcher_strikeouts", PITCHER_STRIKEOUTS);

    private PlatformSchemas() {
    }

    public static BigQuerySqlValidator validator() {
        BigQuerySqlValidator v = new BigQuerySqlValidator();
        for (String dataset : List.of("nba_raw", "nba_analytics", "nba_precompute", "nba_predictions", "mlb_raw",
                "mlb_analytics", "mlb_precompute", "mlb_predictions")) {
            v.table(dataset + ".__TABLES__", PROJECTS, TABLES_META);
        }
        DRIFT_TABLES.forEach((table, columns) -> v.table(table, PROJECTS, columns));
        SCHEDULE_TABLES.forEach((table, columns) -> v.table(table, PROJECTS, columns));
        return v;
    }
}
