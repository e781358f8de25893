package dev.propsops.drift.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.drift.ConfiguredChecks;
import dev.propsops.drift.DriftConfig;
import dev.propsops.drift.plan.Baseline;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.ComparisonPlanner;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.testdata.PlatformData;
import dev.propsops.drift.testdata.StubAnswers;
import dev.propsops.sport.Sport;
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

    @Inject
    CommandLine.IFactory factory;

    @Inject
    DriftConfig config;

    @TempDir
    Path tmp;

    BigQueryStub stub;

    @BeforeEach
    void reset() {
        stub = BigQueryStubResource.stub;
        stub.server().resetAll();
    }

    private CliDriver.Result run(String... args) {
        return new CliDriver(factory).clock(FEB_2026).env("GOOGLE_CLOUD_PROJECT", BigQueryStub.PROJECT).run(args);
    }

    @Test
    void theHandoffThroughBigQueryIsCriticalAndNamesTheBytesScanned() throws Exception {
        Path db = PlatformData.handoff().writeDuckDb(tmp.resolve("handoff.duckdb"));
        ComparisonPlan plan = ComparisonPlanner.plan(Optional.of(YearMonth.of(2026, 1)), Optional.empty(), Optional.empty(),
                Baseline.PREVIOUS_SEASON, LocalDate.of(2026, 2, 2));
        try (Connection c = PlatformData.connect(db)) {
            for (StatsQuery q : ConfiguredChecks.of(config, Sport.nba).queries(plan)) {
                StubAnswers.stub(stub, c, q);
            }
        }
        stub.stubDryRun(700L << 20);

        CliDriver.Result r = run("drift-check", "--sport", "nba", "--month", "2026-01", "--output", "json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.path("source").asText()).isEqualTo("BigQuery at " + stub.baseUrl() + " (project test-project, location us-west2)");
        assertThat(doc.path("bytes_scanned_estimate").asLong()).isEqualTo(3 * (700L << 20));
        JsonNode vegas = null;
        for (JsonNode f : doc.path("findings")) {
            if (f.path("feature").asText().equals("vegas_points_line")) {
                vegas = f;
            }
        }
        assertThat(vegas).isNotNull();
        assertThat(vegas.path("severity").asText()).isEqualTo("critical");
        assertThat(vegas.path("explanation").asText()).contains("while rows/day rose 2.3x: rows without this feature were added");
        assertThat(stub.jobRequests()).hasSize(3);
        assertThat(stub.queryRequests()).hasSize(3).allSatisfy(q ->
                assertThat(q.path("maximumBytesBilled").asText()).isEqualTo(Long.toString(10 * GB)));
    }

    @Test
    void overMaxBytesItRefusesWithTheFigureAndRunsNothing() {
        stub.stubDryRun(200L << 20);
        CliDriver.Result r = run("drift-check", "--sport", "nba", "--month", "2026-01", "--max-bytes", "500MB");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("the drift queries would scan 600.0 MB", "over --max-bytes 500.0 MB; nothing was run",
                "fix: narrow the window");
        assertThat(r.out()).isEmpty();
        assertThat(stub.queryRequests()).isEmpty();
        assertThat(stub.jobRequests()).hasSize(3);
    }

    @Test
    void theDefaultBudgetIsTenGigabytes() {
        stub.stubDryRun(4 * GB);
        CliDriver.Result r = run("drift-check", "--sport", "nba", "--month", "2026-01");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("would scan 12.0 GB", "over --max-bytes 10.0 GB");
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
