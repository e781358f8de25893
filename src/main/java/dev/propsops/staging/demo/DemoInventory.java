package dev.propsops.staging.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A {@code nba_raw.__TABLES__} inventory like the one the handoff's audit found: 50 tables with a staging
 * name among the production tables. Of the 50, 44 are stale (among them the handoff's three examples),
 * 3 were written in the last days (a backfill at work), 2 are protected by name and 1 is a view; the
 * production tables are fresh. Written in the format {@code bq query --format=json} prints (every value a
 * string), deterministic for a given "now".
 */
public final class DemoInventory {
    public static final String PROJECT = "nba-props-platform";
    public static final String DATASET = "nba_raw";
    /** What the demo protects by name (ops.staging.protect-patterns). */
    public static final List<String> PROTECT_PATTERNS = List.of("^nba_raw\\.odds_api_backup_", "_keep(_|$)");

    /** What a generated table is, for the story. */
    public enum Kind {
        STALE,
        FRESH,
        PROTECTED,
        VIEW,
        PRODUCTION
    }

    /** One generated table. */
    public record Table(String name, Kind kind, long typeCode, Instant created, Instant lastModified, long rows, long sizeBytes) {
    }

    private static final List<String> PRODUCTION = List.of("nbac_schedule", "nbac_gamebook_player_stats", "bdl_player_boxscores",
            "odds_api_player_points_props", "bettingpros_player_points_props", "nbac_injury_report", "odds_api_game_lines",
            "nbac_team_boxscore", "nbac_play_by_play", "bigdataball_play_by_play", "nbac_player_list_current", "br_rosters_current",
            "espn_scoreboard", "nbac_referee_game_assignments", "odds_api_events");
    private static final List<String> BASES = List.of("player_game_summary", "team_defense", "odds_api_props", "nbac_gamebook",
            "bdl_boxscores", "bettingpros_props", "nbac_injury_report", "team_offense", "player_shot_zones", "upcoming_game_context",
            "odds_api_game_lines", "nbac_schedule", "player_prop_lines", "espn_rosters", "bigdataball_pbp");

    private final Instant now;
    private final List<Table> tables;

    public DemoInventory(Instant now) {
        this.now = now;
        this.tables = generate();
    }

    public List<Table> tables() {
        return tables;
    }

    public long count(Kind kind) {
        return tables.stream().filter(t -> t.kind() == kind).count();
    }

    /** Writes the inventory as {@code bq query --format=json} does; returns the file. */
    public Path write(Path file) {
        ArrayNode rows = Json.array();
        for (Table t : tables) {
            ObjectNode n = rows.addObject();
            n.put("project_id", PROJECT);
            n.put("dataset_id", DATASET);
            n.put("table_id", t.name());
            n.put("creation_time", Long.toString(t.created().toEpochMilli()));
            n.put("last_modified_time", Long.toString(t.lastModified().toEpochMilli()));
            n.put("row_count", Long.toString(t.rows()));
            n.put("size_bytes", Long.toString(t.sizeBytes()));
            n.put("type", Long.toString(t.typeCode()));
        }
        try {
            Files.writeString(file, rows.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the demo inventory " + file, e);
        }
        return file;
    }

    private List<Table> generate() {
        Random r = new Random(20260201);
        List<Table> out = new ArrayList<>();
        // the handoff's three examples first, then one of each kept kind, so the report shows every rule early
        out.add(table("odds_api_temp_test", Kind.STALE, 1, days(430), 48_210, gib(9)));
        out.add(table("player_game_summary_staging_v2", Kind.STALE, 1, days(63), 1_204_000, gib(3.5)));
        out.add(table("team_defense_backup_20250115", Kind.STALE, 1, since(LocalDate.of(2025, 1, 15)), 900, gib(48)));
        out.add(table("player_game_summary_staging", Kind.FRESH, 1, Duration.ofHours(30), 2_410_000, gib(6.2)));
        out.add(table("odds_api_backup_2024_season", Kind.PROTECTED, 1, days(320), 3_900_000, gib(22)));
        out.add(table("player_props_staging_view", Kind.VIEW, 2, days(200), 0, 0));
        out.add(table("nbac_gamebook_backup_keep", Kind.PROTECTED, 1, days(150), 610_000, gib(4.1)));
        out.add(table("odds_api_props_temp_20260128", Kind.FRESH, 1, Duration.ofDays(4), 98_000, gib(0.4)));
        out.add(table("bdl_boxscores_staging_v3", Kind.FRESH, 1, Duration.ofDays(11), 340_000, gib(1.1)));
        int production = 0;
        while (out.stream().filter(t -> t.kind() == Kind.STALE).count() < 44) {
            String base = BASES.get(r.nextInt(BASES.size()));
            Duration age = days(35 + r.nextInt(600));
            String name = base + switch (r.nextInt(9)) {
                case 0 -> "_staging";
                case 1 -> "_backup_" + LocalDate.ofInstant(now.minus(age), ZoneOffset.UTC).toString().replace("-", "");
                case 2 -> "_temp";
                case 3 -> "_old";
                case 4 -> "_tmp";
                case 5 -> "_bak";
                case 6 -> "_staging_v" + (2 + r.nextInt(3));
                case 7 -> "_temp_test";
                default -> "_backup";
            };
            if (out.stream().anyMatch(t -> t.name().equals(name))) {
                continue;
            }
            double size = Math.pow(10, -1.2 + 3.0 * r.nextDouble()); // 63 MiB to 63 GiB, most of them small
            out.add(table(name, Kind.STALE, 1, age, (long) (size * 40_000 * (1 + r.nextInt(20))), gib(size)));
            if (production < PRODUCTION.size() && r.nextInt(3) == 0) {
                out.add(table(PRODUCTION.get(production++), Kind.PRODUCTION, 1, Duration.ofHours(2 + r.nextInt(20)),
                        5_000_000L + r.nextInt(40_000_000), gib(20 + r.nextInt(400))));
            }
        }
        while (production < PRODUCTION.size()) {
            out.add(table(PRODUCTION.get(production++), Kind.PRODUCTION, 1, Duration.ofHours(2 + r.nextInt(20)),
                    5_000_000L + r.nextInt(40_000_000), gib(20 + r.nextInt(400))));
        }
        return List.copyOf(out);
    }

    private Table table(String name, Kind kind, long type, Duration age, long rows, long bytes) {
        Instant modified = now.minus(age).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new Table(name, kind, type, modified.minus(Duration.ofDays(3)), modified, rows, bytes);
    }

    private Duration since(LocalDate day) {
        return Duration.between(day.atStartOfDay(ZoneOffset.UTC).toInstant(), now);
    }

    private static Duration days(long n) {
        return Duration.ofDays(n).plusHours(5);
    }

    private static long gib(double n) {
        return (long) (n * (1L << 30));
    }
}
