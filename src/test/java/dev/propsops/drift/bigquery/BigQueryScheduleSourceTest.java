package dev.propsops.drift.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Explanation;
import dev.propsops.cli.OpsException;
import dev.propsops.cli.StoreException;
import dev.propsops.drift.check.TableRef;
import dev.propsops.drift.demo.PlatformData;
import dev.propsops.drift.duckdb.DuckDbStatsSource;
import dev.propsops.drift.query.ScheduleQuery;
import dev.propsops.drift.season.ScheduleSpec;
import dev.propsops.drift.season.ScheduledSeason;
import dev.propsops.drift.testdata.StubAnswers;
import dev.propsops.testing.BigQueryStub;
import dev.propsops.testing.PlatformSchemas;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule on BigQuery with the real client against WireMock: what it sends, the shared budget, the answers it reads. */
class BigQueryScheduleSourceTest {
    static final long MB = 1L << 20;
    static final ScheduleSpec MLB = new ScheduleSpec(TableRef.parse("mlb_raw.mlb_schedule"), "game_date", Optional.of("game_type"),
            Optional.of("R"), 60);
    static final ScheduleQuery Q = new ScheduleQuery(MLB, LocalDate.of(2023, 8, 1), LocalDate.of(2026, 8, 2));

    @TempDir
    Path tmp;

    BigQueryStub stub;

    @BeforeEach
    void start() {
        stub = new BigQueryStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void dryRunsThenSendsOneNamedParameterQueryAndReadsTheSeasonsAsDuckDbDoes() throws Exception {
        Path db = new PlatformData().mlbGames(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 9, 29))
                .mlbGames(LocalDate.of(2025, 3, 27), LocalDate.of(2025, 9, 28)).writeDuckDb(tmp.resolve("mlb.duckdb"));
        try (Connection c = PlatformData.connect(db)) {
            StubAnswers.stubSchedule(stub, c, Q);
        }
        stub.stubDryRun(3 * MB);
        BigQueryStatsSource stats = new BigQueryStatsSource(stub.client(), stub.target(), 100 * MB);
        BigQueryScheduleSource schedule = stats.schedule();

        schedule.preflight(Q);
        assertThat(stub.queryRequests()).as("the preflight runs nothing").isEmpty();
        List<ScheduledSeason> seasons = schedule.seasons(Q);

        try (DuckDbStatsSource duck = DuckDbStatsSource.database(db)) {
            assertThat(seasons).isEqualTo(duck.schedule().seasons(Q)).extracting(ScheduledSeason::start)
                    .containsExactly(LocalDate.of(2024, 3, 28), LocalDate.of(2025, 3, 27));
        }
        JsonNode dryRun = stub.jobRequests().get(0);
        assertThat(dryRun.path("configuration").path("dryRun").asBoolean()).isTrue();
        JsonNode sent = stub.queryRequests().get(0);
        assertThat(sent.path("query").asText()).isEqualTo(schedule.statement(Q).sql()).contains("FROM `test-project.mlb_raw.mlb_schedule`");
        assertThat(sent.path("useLegacySql").asBoolean(true)).isFalse();
        assertThat(sent.path("maximumBytesBilled").asText()).isEqualTo(Long.toString(100 * MB));
        assertThat(param(sent, "scan_start")).isEqualTo("2023-08-01");
        assertThat(param(sent, "scan_end")).isEqualTo("2026-08-02");
        assertThat(param(sent, "schedule_filter")).isEqualTo("R");
        assertThat(param(sent, "gap_days")).isEqualTo("60");
        PlatformSchemas.validator().validate(schedule.statement(Q).sql(),
                Map.of("scan_start", "DATE", "scan_end", "DATE", "schedule_filter", "STRING", "gap_days", "INT64"));
    }

    private static String param(JsonNode request, String name) {
        for (JsonNode p : request.path("queryParameters")) {
            if (p.path("name").asText().equals(name)) {
                return p.path("parameterValue").path("value").asText();
            }
        }
        throw new AssertionError("no parameter " + name + " in " + request.path("queryParameters"));
    }

    @Test
    void theSchedulesBytesCountInTheRunsOneBudget() {
        stub.stubDryRun(40 * MB);
        stub.stubDryRun("mlb_schedule", 25 * MB);
        BigQueryStatsSource stats = new BigQueryStatsSource(stub.client(), stub.target(), 60 * MB);
        stats.schedule().preflight(Q);
        var queries = dev.propsops.drift.ConfiguredChecks.of(dev.propsops.drift.testdata.ShippedConfig.drift(), dev.propsops.sport.Sport.mlb)
                .queries(dev.propsops.drift.plan.ComparisonPlanner.plan(Optional.of(java.time.YearMonth.of(2025, 8)), Optional.empty(),
                        Optional.empty(), dev.propsops.drift.plan.Baseline.PREVIOUS_SEASON, LocalDate.of(2025, 9, 2)));
        // 40 MB alone fits in 60 MB; with the schedule's 25 MB it does not
        assertThatThrownBy(() -> stats.preflight(queries)).isInstanceOfSatisfying(OpsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains("would scan 65.0 MB", "mlb_predictions.pitcher_strikeouts 40.0 MB",
                    "mlb_raw.mlb_schedule (schedule) 25.0 MB", "over --max-bytes 60.0 MB; nothing was run");
        });
        assertThat(stub.queryRequests()).isEmpty();
        BigQueryStatsSource alone = new BigQueryStatsSource(stub.client(), stub.target(), 60 * MB);
        assertThat(alone.preflight(queries).bytes()).hasValue(40 * MB);
    }

    @Test
    void aDeniedOrMissingScheduleIsAStoreErrorWithTheFix() {
        stub.stubError("mlb_schedule", 403, "accessDenied", "Access Denied: Table test-project:mlb_raw.mlb_schedule: User does not have permission");
        BigQueryScheduleSource schedule = new BigQueryStatsSource(stub.client(), stub.target(), 100 * MB).schedule();
        assertThatThrownBy(() -> schedule.preflight(Q)).isInstanceOfSatisfying(StoreException.class, e -> {
            Explanation x = ErrorExplainer.explain(e);
            assertThat(x.message()).contains("dry-run the schedule query of mlb_raw.mlb_schedule", "PERMISSION_DENIED", stub.baseUrl());
            assertThat(x.fix()).hasValueSatisfying(f -> assertThat(f).contains("roles/bigquery.dataViewer"));
        });
        stub.server().resetAll();
        stub.stubError("mlb_schedule", 404, "notFound", "Not found: Table test-project:mlb_raw.mlb_schedule was not found in location us-west2");
        assertThatThrownBy(() -> schedule.seasons(Q)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(ErrorExplainer.explain(e).message()).contains("read the schedule mlb_raw.mlb_schedule", "NOT_FOUND",
                        "was not found in location us-west2"));
    }
}
