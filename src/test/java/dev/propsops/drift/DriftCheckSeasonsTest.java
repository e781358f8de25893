package dev.propsops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.drift.demo.FeatureStoreGenerator;
import dev.propsops.drift.demo.PlatformData;
import dev.propsops.drift.testdata.FileTrees;
import dev.propsops.drift.testdata.SeasonsFromScheduleData;
import dev.propsops.testing.CliDriver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 9 section 1 on real Parquet files: season starts come from the schedule, configuration overrides and
 * fills in, and a window no known season covers is a note, never an outage.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftCheckSeasonsTest {
    static final String[] ISSUE_ARGS = { "drift-check", "--sport", "nba", "--from", "2026-11-01", "--to", "2026-11-08" };

    @Inject
    CommandLine.IFactory factory;

    Path nextSeason;
    Path nextSeasonWithoutSchedule;
    Path stopsMidSeason;
    Path mlbAbroad;

    @BeforeAll
    void data(@TempDir Path data) throws Exception {
        nextSeason = SeasonsFromScheduleData.nextSeason().writeParquet(data.resolve("next-season"));
        nextSeasonWithoutSchedule = SeasonsFromScheduleData.nextSeason().writeParquet(data.resolve("no-schedule"));
        FileTrees.delete(nextSeasonWithoutSchedule.resolve("nba_raw"));
        stopsMidSeason = SeasonsFromScheduleData.stopsMidSeason().writeParquet(data.resolve("stops"));
        // MLB 2025 opened in Tokyo on 03-18 (two games), the domestic season on 03-27 (configured)
        mlbAbroad = new PlatformData().mlbGames(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 9, 29))
                .mlbGames(LocalDate.of(2025, 3, 18), LocalDate.of(2025, 3, 19)).mlbGames(LocalDate.of(2025, 3, 27), LocalDate.of(2025, 9, 28))
                .mlb(LocalDate.of(2024, 4, 11), LocalDate.of(2024, 9, 29), FeatureStoreGenerator.Shape.of(30, 0.95), 0.55)
                .mlb(LocalDate.of(2025, 4, 10), LocalDate.of(2025, 9, 28), FeatureStoreGenerator.Shape.of(30, 0.95), 0.55)
                .writeParquet(data.resolve("mlb"));
    }

    private CliDriver.Result run(Clock clock, Path source, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--source", "parquet:" + source));
        return new CliDriver(factory).clock(clock).run(all.toArray(String[]::new));
    }

    private static JsonNode json(CliDriver.Result r) throws Exception {
        return Json.mapper().readTree(r.out());
    }

    private static JsonNode rowsFinding(JsonNode doc, String check) {
        for (JsonNode f : doc.path("findings")) {
            if (f.path("feature").isNull() && f.path("check").asText().equals(check)) {
                return f;
            }
        }
        throw new AssertionError("no rows finding of " + check + " in " + doc.path("findings"));
    }

    @Test
    void aSeasonOnlyTheScheduleKnowsMakesTheIssueWindowItsBootstrapNotAnOutage() throws Exception {
        CliDriver.Result r = run(SeasonsFromScheduleData.DEC_2026, nextSeason, ISSUE_ARGS);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("seasons: 2025-26 from 2025-10-21 (configuration; the schedule agrees), 2026-27 from 2026-10-27 "
                + "(schedule); known until 2027-11-01")
                .containsPattern("(?m)^BOOTSTRAP +nba_predictions.ml_feature_store_v2 2026-11: bootstrap: the 2026-27 season started 2026-10-27 "
                        + "and its first 14 days \\(to 2026-11-09\\) have no data by design$")
                .doesNotContain("CRITICAL", "UNKNOWN-SEASON", "NOTE", "WARNING");

        JsonNode doc = json(run(SeasonsFromScheduleData.DEC_2026, nextSeason, json(ISSUE_ARGS)));
        assertThat(doc.path("schedule").path("status").asText()).isEqualTo("read");
        assertThat(doc.path("schedule").path("table").asText()).isEqualTo("nba_raw.nbac_schedule");
        assertThat(doc.path("schedule").path("seasons_found").asInt()).isEqualTo(2);
        assertThat(doc.path("schedule").path("error").isNull()).isTrue();
        assertThat(doc.path("seasons")).hasSize(2);
        JsonNode next = doc.path("seasons").get(1);
        assertThat(next.path("label").asText()).as("absent from configuration").isEqualTo("2026-27");
        assertThat(next.path("start").asText()).isEqualTo("2026-10-27");
        assertThat(next.path("origin").asText()).isEqualTo("schedule");
        assertThat(doc.path("seasons").get(0).path("origin").asText()).isEqualTo("configuration");
        assertThat(doc.path("seasons").get(0).path("schedule_start").asText()).isEqualTo("2025-10-21");
        assertThat(doc.path("seasons_known_until").asText()).isEqualTo("2027-11-01");
        assertThat(rowsFinding(doc, "feature-store").path("severity").asText()).isEqualTo("bootstrap");
        assertThat(doc.path("notes")).isEmpty();
    }

    @Test
    void withoutTheScheduleTheWindowIsAnUnknownSeasonWithANoteNamingTheKeyAndExitsZero() throws Exception {
        CliDriver.Result r = run(SeasonsFromScheduleData.DEC_2026, nextSeasonWithoutSchedule, ISSUE_ARGS);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).containsPattern("(?m)^WARNING +the schedule nba_raw.nbac_schedule could not be read, so season starts come from "
                + "ops.sport.nba.seasons only: read the schedule nba_raw.nbac_schedule on DuckDB over parquet:.* failed: no .*/nba_raw/nbac_schedule/"
                + "\\*\\.parquet files$")
                .containsPattern("(?m)^UNKNOWN-SEASON nba_predictions.ml_feature_store_v2 2026-11: no rows, and no known season covers "
                        + "2026-11-01..2026-11-08 \\(the known seasons end 2026-10-19\\): it may be a new season's bootstrap; see the NOTE$")
                .containsPattern("(?m)^NOTE +no known nba season covers 2026-11-01..2026-11-08: the latest known, 2025-26, started 2025-10-21 "
                        + "\\(configuration\\) and a next one was due by 2026-10-19 \\(its start plus the longest interval between two known starts, "
                        + "364 days\\); set ops.sport.nba.seasons.\"2026-27\"=YYYY-MM-DD \\(its first game day\\), or make the schedule "
                        + "nba_raw.nbac_schedule readable; until then, periods without rows are reported unknown-season, not critical$")
                .contains("seasons: 2025-26 from 2025-10-21 (configuration); known until 2026-10-19")
                .contains("0 critical, 0 warn, 2 ok, 0 bootstrap, 0 no-baseline, 1 unknown-season; worst ok")
                .doesNotContain("CRITICAL ");
        assertThat(r.err()).contains("warning: the schedule nba_raw.nbac_schedule could not be read",
                "warning: no known nba season covers 2026-11-01..2026-11-08");

        JsonNode doc = json(run(SeasonsFromScheduleData.DEC_2026, nextSeasonWithoutSchedule, json(ISSUE_ARGS)));
        assertThat(doc.path("exit_code").asInt()).isZero();
        assertThat(rowsFinding(doc, "feature-store").path("severity").asText()).isEqualTo("unknown-season");
        assertThat(rowsFinding(doc, "feature-store").path("reasons").toString()).isEqualTo("[\"unknown_season\"]");
        assertThat(doc.path("schedule").path("status").asText()).isEqualTo("unreadable");
        assertThat(doc.path("schedule").path("error").asText()).contains("nbac_schedule/*.parquet files");
        assertThat(doc.path("seasons_known_until").asText()).isEqualTo("2026-10-19");
        assertThat(doc.path("seasons").get(0).path("schedule_start").isNull()).isTrue();
        assertThat(doc.path("notes").get(0).asText()).contains("ops.sport.nba.seasons.\"2026-27\"");
    }

    @Test
    void aTableThatStopsMidSeasonIsStillCriticalWithOrWithoutTheSchedule() throws Exception {
        Clock march = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
        String[] feb = { "drift-check", "--sport", "nba", "--from", "2026-02-01", "--to", "2026-02-10" };
        CliDriver.Result r = run(march, stopsMidSeason, feb);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).containsPattern("(?m)^CRITICAL +nba_predictions.ml_feature_store_v2 2026-02: no rows at all, while the baseline 2025-02 "
                + "had 120 per game day: is the table still being written\\?").doesNotContain("UNKNOWN-SEASON", "NOTE");

        Path withoutSchedule = Files.createTempDirectory("stops-no-schedule");
        FileTrees.copy(stopsMidSeason, withoutSchedule);
        FileTrees.delete(withoutSchedule.resolve("nba_raw"));
        CliDriver.Result configured = run(march, withoutSchedule, feb);
        assertThat(configured.exitCode()).as("the configured 2025-26 covers February: an empty month inside it must alarm")
                .isEqualTo(ExitCode.FINDINGS);
        assertThat(configured.out()).contains("WARNING ", "CRITICAL ").doesNotContain("UNKNOWN-SEASON");
        FileTrees.delete(withoutSchedule);
    }

    @Test
    void aConfiguredSeasonOverridesTheScheduleAndTheReportShowsBoth() throws Exception {
        Clock aug = Clock.fixed(Instant.parse("2025-08-02T08:00:00Z"), ZoneOffset.UTC);
        CliDriver.Result r = run(aug, mlbAbroad, "drift-check", "--sport", "mlb");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        // spring training (game_type S) right before each opener is filtered out, or 2024 would start in February
        assertThat(r.out()).contains("seasons: 2024 from 2024-03-28 (configuration; the schedule agrees), "
                + "2025 from 2025-03-27 (configuration; the schedule says 2025-03-18); known until 2027-03-23");
        JsonNode doc = json(run(aug, mlbAbroad, "drift-check", "--sport", "mlb", "--output", "json"));
        assertThat(doc.path("schedule").path("filter").asText()).isEqualTo("game_type = 'R'");
        assertThat(doc.path("seasons").get(1).path("start").asText()).isEqualTo("2025-03-27");
        assertThat(doc.path("seasons").get(1).path("schedule_start").asText()).isEqualTo("2025-03-18");
    }

    private static String[] json(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--output", "json"));
        return all.toArray(String[]::new);
    }
}
