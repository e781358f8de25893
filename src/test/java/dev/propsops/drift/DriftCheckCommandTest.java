package dev.propsops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.drift.demo.FeatureStoreGenerator;
import dev.propsops.drift.demo.PlatformData;
import dev.propsops.drift.testdata.FileTrees;
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
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** drift-check as a user runs it, on two seasons of synthetic data in DuckDB and Parquet. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftCheckCommandTest {
    static final Clock FEB_2026 = Clock.fixed(Instant.parse("2026-02-02T08:00:00Z"), ZoneOffset.UTC);
    static final Set<String> FINDING_FIELDS = Set.of("check", "table", "feature", "month", "baseline_month", "severity", "reasons",
            "rows", "baseline_rows", "game_days", "baseline_game_days", "rows_per_day", "baseline_rows_per_day", "coverage",
            "baseline_coverage", "coverage_change_points", "psi", "median", "baseline_median", "explanation");

    @Inject
    CommandLine.IFactory factory;

    @TempDir
    Path tmp;

    Path handoffParquet;
    Path stable;
    Path shifted;
    Path busier;
    Path mlb;

    @BeforeAll
    void data(@TempDir Path data) throws Exception {
        handoffParquet = PlatformData.handoff().writeParquet(data.resolve("handoff"));
        stable = PlatformData.stable().writeDuckDb(data.resolve("stable.duckdb"));
        shifted = PlatformData.shifted(3, 1.0).writeDuckDb(data.resolve("shifted.duckdb"));
        // 2025-26 with 40% more rows a day and nothing else changed: a warning, no more
        busier = PlatformData.baselineSeason().nba(PlatformData.NBA_2025_26_DATA, PlatformData.NBA_2025_26_END,
                FeatureStoreGenerator.Shape.of(280, 0.994), 0.74).writeDuckDb(data.resolve("busier.duckdb"));
        mlb = new PlatformData().mlbGames(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 9, 29))
                .mlbGames(LocalDate.of(2025, 3, 27), LocalDate.of(2025, 9, 28)).mlb(LocalDate.of(2024, 4, 11), LocalDate.of(2024, 9, 29), FeatureStoreGenerator.Shape.of(30, 0.95), 0.55)
                .mlb(LocalDate.of(2025, 4, 10), LocalDate.of(2025, 9, 28), FeatureStoreGenerator.Shape.of(30, 0.95), 0.55)
                .writeDuckDb(data.resolve("mlb.duckdb"));
    }

    private CliDriver cli() {
        return new CliDriver(factory).clock(FEB_2026);
    }

    private CliDriver.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("drift-check"));
        all.addAll(List.of(args));
        return cli().run(all.toArray(String[]::new));
    }

    static JsonNode json(CliDriver.Result r) throws Exception {
        return Json.mapper().readTree(r.out());
    }

    static JsonNode finding(JsonNode doc, String feature, String month) {
        for (JsonNode f : doc.path("findings")) {
            if (f.path("feature").asText("(rows)").equals(feature) && f.path("month").asText().equals(month)) {
                return f;
            }
        }
        throw new AssertionError("no finding for " + feature + " " + month + " in " + doc.path("findings"));
    }

    @Test
    void theHandoffIsCriticalWithItsOneLineExplanationAndExitsThree() {
        CliDriver.Result r = run("--sport", "nba", "--month", "2026-01", "--source", "parquet:" + handoffParquet);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).containsPattern("(?m)^CRITICAL +vegas_points_line 2026-01: coverage 99\\.\\d% -> 4[34]\\.\\d% \\(-5[56]\\.\\d pts\\) "
                + "while rows/day rose 2\\.3x: rows without this feature were added; hit rate 7\\d\\.\\d% -> 5\\d\\.\\d% \\(-1\\d\\.\\d pts\\) in the same month$");
        assertThat(r.out()).containsPattern("(?m)^CRITICAL +current_points_line 2026-01: coverage 99\\.\\d% -> 4\\d\\.\\d%");
        assertThat(r.out()).containsPattern("(?m)^WARN +nba_predictions.ml_feature_store_v2 2026-01: rows/day rose 2\\.3x \\(200 -> 460 per game day\\)$");
        assertThat(r.out()).containsPattern("(?m)^feature-store +vegas_points_line +2026-01 +2025-01 +99\\.\\d% -> 4\\d\\.\\d% .* critical$");
        assertThat(r.out()).containsPattern("(?m)^feature-store +points_avg_last_5 +2026-01 +2025-01 +100\\.0% -> 100\\.0% +0\\.0\\d +ok$");
        assertThat(r.out()).contains("hit rate, nba_predictions.prediction_accuracy.prediction_correct where system_id = 'catboost_v8':");
        assertThat(r.out()).containsPattern("worst critical, --fail-on critical: exit 3\\n$");
        assertThat(r.err()).contains("measuring nba_predictions.ml_feature_store_v2 (feature-store) over 2 periods");
    }

    @Test
    void theJsonReportHasTheDocumentedSchema() throws Exception {
        CliDriver.Result r = run("--sport", "nba", "--month", "2026-01", "--source", "parquet:" + handoffParquet, "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode doc = json(r);
        assertThat(doc.path("sport").asText()).isEqualTo("nba");
        assertThat(doc.path("window").path("from").asText()).isEqualTo("2026-01-01");
        assertThat(doc.path("window").path("to").asText()).isEqualTo("2026-01-31");
        assertThat(doc.path("baseline").asText()).isEqualTo("previous-season");
        assertThat(doc.path("bytes_scanned_estimate").isNull()).isTrue();
        assertThat(doc.path("worst_severity").asText()).isEqualTo("critical");
        assertThat(doc.path("exit_code").asInt()).isEqualTo(3);
        assertThat(doc.path("findings")).hasSize(2 + 33 + 1);
        for (JsonNode f : doc.path("findings")) {
            List<String> fields = new ArrayList<>();
            f.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrderElementsOf(FINDING_FIELDS);
            assertThat(f.path("severity").asText()).isIn("ok", "warn", "critical", "bootstrap", "no-baseline");
        }
        JsonNode vegas = finding(doc, "vegas_points_line", "2026-01");
        assertThat(vegas.path("check").asText()).isEqualTo("feature-store");
        assertThat(vegas.path("baseline_month").asText()).isEqualTo("2025-01");
        assertThat(vegas.path("severity").asText()).isEqualTo("critical");
        assertThat(vegas.path("reasons").get(0).asText()).isEqualTo("coverage");
        assertThat(vegas.path("baseline_coverage").asDouble()).isBetween(0.99, 0.998);
        assertThat(vegas.path("coverage").asDouble()).isBetween(0.42, 0.45);
        assertThat(vegas.path("coverage_change_points").asDouble()).isBetween(-58.0, -54.0);
        assertThat(vegas.path("rows_per_day").asDouble()).isEqualTo(460.0);
        assertThat(vegas.path("baseline_rows_per_day").asDouble()).isEqualTo(200.0);
        assertThat(vegas.path("psi").isNumber()).isTrue();
        assertThat(vegas.path("explanation").asText()).contains("rows without this feature were added");
        JsonNode rows = finding(doc, "(rows)", "2026-01");
        assertThat(rows.path("feature").isNull()).isTrue();
        assertThat(rows.path("coverage").isNull()).isTrue();
        assertThat(rows.path("severity").asText()).isEqualTo("warn");
        JsonNode outcome = doc.path("outcomes").get(0);
        assertThat(outcome.path("month").asText()).isEqualTo("2026-01");
        assertThat(outcome.path("baseline_hit_rate").asDouble()).isBetween(0.70, 0.78);
        assertThat(outcome.path("hit_rate").asDouble()).as("the challenger's picks are not counted").isBetween(0.54, 0.62);
        assertThat(doc.path("periods")).hasSize(2);
        assertThat(doc.path("skipped")).isEmpty();
    }

    @Test
    void stableDataExitsZeroWithNoFindingAboveOk() throws Exception {
        CliDriver.Result r = run("--sport", "nba", "--month", "2026-01", "--source", "duckdb:" + stable, "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        for (JsonNode f : json(r).path("findings")) {
            assertThat(f.path("severity").asText()).as(f.toString()).isEqualTo("ok");
        }
        CliDriver.Result text = run("--sport", "nba", "--from", "2025-11-01", "--to", "2026-01-31", "--source", "duckdb:" + stable,
                "--fail-on", "warn");
        assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("no drift: every feature and month is within its thresholds", "0 critical, 0 warn, 108 ok");
    }

    @Test
    void aMeanShiftWithFullCoverageIsCaughtByTheDistribution() throws Exception {
        CliDriver.Result r = run("--sport", "nba", "--month", "2026-01", "--source", "duckdb:" + shifted, "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode f = finding(json(r), "points_std_last_10", "2026-01");
        assertThat(f.path("severity").asText()).isEqualTo("critical");
        assertThat(f.path("reasons").toString()).isEqualTo("[\"distribution\"]");
        assertThat(f.path("coverage").asDouble()).isEqualTo(1.0);
        assertThat(f.path("baseline_coverage").asDouble()).isEqualTo(1.0);
        assertThat(f.path("psi").asDouble()).isGreaterThan(0.25);
        assertThat(f.path("explanation").asText()).startsWith("points_std_last_10 2026-01: distribution shifted: PSI");
        assertThat(json(r).path("findings")).filteredOn(x -> !x.path("severity").asText().equals("ok")).hasSize(1);
    }

    @Test
    void failOnWarnTurnsAWarningIntoExitThree() {
        assertThat(run("--sport", "nba", "--month", "2026-01", "--source", "duckdb:" + busier).exitCode()).isEqualTo(ExitCode.OK);
        CliDriver.Result r = run("--sport", "nba", "--month", "2026-01", "--source", "duckdb:" + busier, "--fail-on", "warn");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).containsPattern("(?m)^WARN +nba_predictions.ml_feature_store_v2 2026-01: rows/day rose 1\\.4x \\(200 -> 280 per game day\\)$");
        assertThat(r.out()).contains("worst warn, --fail-on warn: exit 3");
    }

    @Test
    void theBootstrapMonthIsReportedAsSuchAndDoesNotAlarm() throws Exception {
        CliDriver.Result r = run("--sport", "nba", "--month", "2025-10", "--source", "duckdb:" + stable);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).containsPattern("(?m)^BOOTSTRAP +nba_predictions.ml_feature_store_v2 2025-10: bootstrap: the 2025-26 season started "
                + "2025-10-21 and its first 14 days \\(to 2025-11-03\\) have no data by design$");
        JsonNode doc = json(run("--sport", "nba", "--month", "2025-10", "--source", "duckdb:" + stable, "--output", "json"));
        assertThat(finding(doc, "(rows)", "2025-10").path("severity").asText()).isIn("bootstrap", "no-baseline");
        assertThat(doc.path("findings")).filteredOn(f -> f.path("check").asText().equals("feature-store")).singleElement()
                .satisfies(f -> assertThat(f.path("severity").asText()).isEqualTo("bootstrap"));
    }

    @Test
    void aMonthWithoutBaselineSaysSoAndDoesNotAlarm() throws Exception {
        CliDriver.Result r = run("--sport", "nba", "--month", "2024-12", "--source", "duckdb:" + stable);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).containsPattern("(?m)^NO-BASELINE +nba_predictions.ml_feature_store_v2 2024-12: no baseline \\(no rows in the baseline 2023-12\\)");
        assertThat(r.out()).doesNotContain("CRITICAL", "WARN ");
        JsonNode doc = json(run("--sport", "nba", "--month", "2024-12", "--source", "duckdb:" + stable, "--output", "json"));
        JsonNode vegas = finding(doc, "vegas_points_line", "2024-12");
        assertThat(vegas.path("severity").asText()).isEqualTo("no-baseline");
        assertThat(vegas.path("coverage").asDouble()).isBetween(0.98, 1.0);
        assertThat(vegas.path("baseline_coverage").isNull()).isTrue();
    }

    @Test
    void aWindowOfSeveralMonthsIsJudgedMonthByMonth() throws Exception {
        JsonNode doc = json(run("--sport", "nba", "--from", "2025-11-01", "--to", "2026-01-31", "--source", "parquet:" + handoffParquet,
                "--output", "json"));
        for (String month : List.of("2025-11", "2025-12", "2026-01")) {
            assertThat(finding(doc, "vegas_points_line", month).path("severity").asText()).as(month).isEqualTo("critical");
        }
        assertThat(doc.path("outcomes")).hasSize(3);
        assertThat(doc.path("periods")).hasSize(6);
    }

    @Test
    void mlbChecksStrikeoutLinesWithTheHitRateFromTheSameTable() throws Exception {
        CliDriver.Result r = cli().clock(Clock.fixed(Instant.parse("2025-08-02T08:00:00Z"), ZoneOffset.UTC))
                .run("drift-check", "--sport", "mlb", "--source", "duckdb:" + mlb, "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        JsonNode doc = json(r);
        assertThat(doc.path("window").path("from").asText()).isEqualTo("2025-08-01");
        assertThat(finding(doc, "strikeouts_line", "2025-08").path("coverage").asDouble()).isBetween(0.93, 0.97);
        long rows = finding(doc, "strikeouts_line", "2025-08").path("rows").asLong();
        assertThat(doc.path("outcomes").get(0).path("graded").asLong()).as("graded where a line was found")
                .isBetween(rows * 93 / 100, rows * 97 / 100);
        assertThat(r.err()).as("one query for the check and its outcome").containsOnlyOnce("measuring");
    }

    @Test
    void aTableMissingFromTheExportIsSkippedAndSaidSo() throws Exception {
        Path partial = tmp.resolve("partial");
        FileTrees.copy(handoffParquet.resolve("nba_predictions"), partial.resolve("nba_predictions"));
        CliDriver.Result r = run("--sport", "nba", "--month", "2026-01", "--source", "parquet:" + partial);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).containsPattern("(?m)^SKIPPED +prop-line-context \\(nba_analytics.upcoming_player_game_context\\): no .*/\\*\\.parquet files$");
        assertThat(r.err()).contains("warning: skipping prop-line-context");
    }

    @Test
    void anExportWithNoneOfTheTablesCheckedNothingAndFails() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliDriver.Result r = run("--sport", "nba", "--month", "2026-01", "--source", "parquet:" + empty);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("none of the configured tables has data in DuckDB over parquet:" + empty + ": nothing was checked",
                "fix: ", "nba_predictions/ml_feature_store_v2/000000000000.parquet");
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "--month 2026-1", "--month 2026-13", "--month january", "--from 2026-01-10 --to 2026-01-01",
            "--from 2026-01-10 --month 2026-01", "--to 2026-01-10", "--from 2026-01-32", "--source gcs:bucket", "--source parquet:",
            "--source duckdb:/nonexistent/drift.duckdb", "--source parquet:/nonexistent/exports", "--baseline last-year",
            "--max-bytes lots", "--fail-on ok", "--month 2026-03", "--from 2024-01-01 --to 2026-01-31" })
    void badInputsAreUsageErrorsWithAMessage(String args) {
        List<String> all = new ArrayList<>(List.of("--sport", "nba"));
        all.addAll(List.of(args.split(" ")));
        CliDriver.Result r = run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).as(r.toString()).startsWith("error: ");
        assertThat(r.err().lines().findFirst().orElse("")).hasSizeGreaterThan(20);
        assertThat(r.out()).isEmpty();
        assertThat(Path.of("/nonexistent/drift.duckdb")).doesNotExist();
    }

    @Test
    void theSportIsRequiredAndChecked() {
        assertThat(run("--month", "2026-01").err()).contains("--sport");
        assertThat(run("--sport", "nfl").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void helpDescribesEveryOption() {
        CliDriver.Result r = cli().run("drift-check", "--help");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).contains("--sport", "--month", "--from", "--to", "--baseline", "--source", "--fail-on", "--max-bytes",
                "--output", "--project", "shipped as 10GB").doesNotContain("null");
    }

    @Test
    void bigQueryOnlyOptionsAreIgnoredWithAWarningOnDuckDb() {
        CliDriver.Result r = run("--sport", "nba", "--month", "2026-01", "--source", "duckdb:" + stable, "--max-bytes", "1GB");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).contains("warning: --project and --max-bytes apply to --source bigquery only");
    }
}
