package dev.propsops.drift.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.drift.ConfiguredChecks;
import dev.propsops.drift.ConfiguredSeasons;
import dev.propsops.drift.DriftConfig;
import dev.propsops.drift.demo.PlatformData;
import dev.propsops.drift.plan.Baseline;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.ComparisonPlanner;
import dev.propsops.drift.query.ScheduleQuery;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.testdata.SeasonsFromScheduleData;
import dev.propsops.drift.testdata.StubAnswers;
import dev.propsops.sport.Sport;
import dev.propsops.sport.SportConfig;
import dev.propsops.testing.BigQueryStub;
import dev.propsops.testing.CliDriver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** drift-check --source bigquery end to end: the binary's own client, pointed at WireMock. */
@QuarkusTest
@QuarkusTestResource(value = BigQueryStubResource.class, restrictToAnnotatedClass = true)
class DriftCheckBigQueryCommandTest {
    static final long GB = 1L << 30;
    static final Clock FEB_2026 = Clock.fixed(Instant.parse("2026-02-02T08:00:00Z"), ZoneOffset.UTC);
    static final Clock DEC_2026 = SeasonsFromScheduleData.DEC_2026;
    static final ComparisonPlan ISSUE_WINDOW = SeasonsFromScheduleData.ISSUE_WINDOW;

    @Inject
    CommandLine.IFactory factory;

    @Inject
    DriftConfig config;

    @Inject
    SportConfig sports;

    @TempDir
    Path tmp;

    BigQueryStub stub;

    @BeforeEach
    void reset() {
        stub = BigQueryStubResource.stub;
        stub.server().resetAll();
    }

    private CliDriver.Result run(String... args) {
        return run(FEB_2026, args);
    }

    private CliDriver.Result run(Clock clock, String... args) {
        return new CliDriver(factory).clock(clock).env("GOOGLE_CLOUD_PROJECT", BigQueryStub.PROJECT).run(args);
    }

    /** Stubs the answers to every query of the run (figures and schedule), computed by DuckDB on the same rows. */
    private void answer(Path db, ComparisonPlan plan, Sport sport) throws Exception {
        try (Connection c = PlatformData.connect(db)) {
            for (StatsQuery q : ConfiguredChecks.of(config, sport).queries(plan)) {
                StubAnswers.stub(stub, c, q);
            }
            StubAnswers.stubSchedule(stub, c, ScheduleQuery.around(ConfiguredSeasons.of(sports.of(sport), 14, sport).schedule().orElseThrow(), plan));
        }
    }

    @Test
    void theHandoffThroughBigQueryIsCriticalAndNamesTheBytesScanned() throws Exception {
        Path db = PlatformData.handoff().writeDuckDb(tmp.resolve("handoff.duckdb"));
        answer(db, ComparisonPlanner.plan(Optional.of(YearMonth.of(2026, 1)), Optional.empty(), Optional.empty(),
                Baseline.PREVIOUS_SEASON, LocalDate.of(2026, 2, 2)), Sport.nba);
        stub.stubDryRun(700L << 20);
        stub.stubDryRun("nbac_schedule", 1L << 20);

        CliDriver.Result r = run("drift-check", "--sport", "nba", "--month", "2026-01", "--output", "json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.path("source").asText()).isEqualTo("BigQuery at " + stub.baseUrl() + " (project test-project, location us-west2)");
        assertThat(doc.path("bytes_scanned_estimate").asLong()).as("the schedule's dry run counts too").isEqualTo(3 * (700L << 20) + (1L << 20));
        JsonNode vegas = null;
        for (JsonNode f : doc.path("findings")) {
            if (f.path("feature").asText().equals("vegas_points_line")) {
                vegas = f;
            }
        }
        assertThat(vegas).isNotNull();
        assertThat(vegas.path("severity").asText()).isEqualTo("critical");
        assertThat(vegas.path("explanation").asText()).contains("while rows/day rose 2.3x: rows without this feature were added");
        assertThat(doc.path("schedule").path("status").asText()).isEqualTo("read");
        assertThat(doc.path("seasons").toString()).contains("{\"label\":\"2025-26\",\"start\":\"2025-10-21\",\"origin\":\"configuration\","
                + "\"schedule_start\":\"2025-10-21\"}");
        assertThat(stub.jobRequests()).as("four dry runs: three tables and the schedule").hasSize(4);
        assertThat(stub.queryRequests()).hasSize(4).allSatisfy(q ->
                assertThat(q.path("maximumBytesBilled").asText()).isEqualTo(Long.toString(10 * GB)));
    }

    @Test
    void overMaxBytesItRefusesWithTheFigureAndRunsNothing() {
        stub.stubDryRun(200L << 20);
        CliDriver.Result r = run("drift-check", "--sport", "nba", "--month", "2026-01", "--max-bytes", "500MB");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("the drift queries would scan 800.0 MB", "nba_raw.nbac_schedule (schedule) 200.0 MB",
                "over --max-bytes 500.0 MB; nothing was run", "fix: narrow the window");
        assertThat(r.out()).isEmpty();
        assertThat(stub.queryRequests()).as("not even the schedule's query").isEmpty();
        assertThat(stub.jobRequests()).hasSize(4);
    }

    @Test
    void theDefaultBudgetIsTenGigabytes() {
        stub.stubDryRun(3 * GB);
        stub.stubDryRun("nbac_schedule", 2 * GB);
        CliDriver.Result r = run("drift-check", "--sport", "nba", "--month", "2026-01");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("would scan 11.0 GB", "over --max-bytes 10.0 GB");
    }

    /** The issue's case through BigQuery: the 2026-27 season is known from the schedule only, so November's first days are its bootstrap. */
    @Test
    void aSeasonOnlyTheScheduleKnowsMakesTheNewSeasonsFirstDaysABootstrap() throws Exception {
        Path db = SeasonsFromScheduleData.nextSeason().writeDuckDb(tmp.resolve("next-season.duckdb"));
        answer(db, ISSUE_WINDOW, Sport.nba);
        stub.stubDryRun(10L << 20);

        CliDriver.Result r = run(DEC_2026, "drift-check", "--sport", "nba", "--from", "2026-11-01", "--to", "2026-11-08");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("seasons: 2025-26 from 2025-10-21 (configuration; the schedule agrees), 2026-27 from 2026-10-27 (schedule)")
                .containsPattern("(?m)^BOOTSTRAP +nba_predictions.ml_feature_store_v2 2026-11: bootstrap: the 2026-27 season started 2026-10-27")
                .doesNotContain("CRITICAL", "UNKNOWN-SEASON", "NOTE");
        JsonNode schedule = stub.queryRequests().stream().filter(q -> q.path("query").asText().contains("nbac_schedule")).findFirst().orElseThrow();
        assertThat(schedule.path("query").asText()).contains("FROM `test-project.nba_raw.nbac_schedule`", "LAG(game_day) OVER (ORDER BY game_day)");
        assertThat(schedule.path("queryParameters").toString()).contains("\"name\":\"scan_start\"", "\"2023-11-01\"", "\"2027-11-09\"",
                "\"name\":\"gap_days\"");
        assertThat(schedule.path("maximumBytesBilled").asText()).isEqualTo(Long.toString(10 * GB));
    }

    @Test
    void aScheduleThatCannotBeReadIsAWarningAndTheConfiguredSeasonsCarryOn() throws Exception {
        Path db = SeasonsFromScheduleData.nextSeason().writeDuckDb(tmp.resolve("next-season.duckdb"));
        answer(db, ISSUE_WINDOW, Sport.nba);
        stub.stubDryRun(10L << 20);
        stub.stubError("nbac_schedule", 403, "accessDenied",
                "Access Denied: Table test-project:nba_raw.nbac_schedule: User does not have permission to query table");

        CliDriver.Result r = run(DEC_2026, "drift-check", "--sport", "nba", "--from", "2026-11-01", "--to", "2026-11-08", "--output", "json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.path("schedule").path("status").asText()).isEqualTo("unreadable");
        assertThat(doc.path("schedule").path("error").asText()).contains("dry-run the schedule query of nba_raw.nbac_schedule", "PERMISSION_DENIED",
                "User does not have permission");
        assertThat(doc.path("schedule").path("fix").asText()).contains("roles/bigquery.dataViewer");
        assertThat(doc.path("findings")).filteredOn(f -> f.path("feature").isNull() && f.path("check").asText().equals("feature-store"))
                .singleElement().satisfies(f -> assertThat(f.path("severity").asText()).isEqualTo("unknown-season"));
        assertThat(doc.path("notes").get(0).asText()).contains("ops.sport.nba.seasons.\"2026-27\"=YYYY-MM-DD");
        assertThat(r.err()).contains("warning: the schedule nba_raw.nbac_schedule could not be read");
        assertThat(stub.queryRequests()).as("the schedule was not queried after its dry run failed")
                .noneSatisfy(q -> assertThat(q.path("query").asText()).contains("nbac_schedule"));
    }

    @Test
    void aBigQueryThatDropsTheConnectionExitsOneAndSaysWhere() {
        stub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        CliDriver.Result r = run("drift-check", "--sport", "mlb", "--month", "2025-08");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("dry-run the drift query of mlb_predictions.pitcher_strikeouts (gave up after 2 attempts)", stub.baseUrl(),
                "Connection reset");
        assertThat(r.out()).isEmpty();
        assertThat(stub.queryRequests()).isEmpty();
    }
}
