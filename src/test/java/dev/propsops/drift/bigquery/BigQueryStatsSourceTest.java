package dev.propsops.drift.bigquery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Explanation;
import dev.propsops.cli.OpsException;
import dev.propsops.cli.StoreException;
import dev.propsops.drift.ConfiguredChecks;
import dev.propsops.drift.DriftConfig;
import dev.propsops.drift.FeatureStatsSource;
import dev.propsops.drift.demo.PlatformData;
import dev.propsops.drift.duckdb.DuckDbStatsSource;
import dev.propsops.drift.plan.Baseline;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.ComparisonPlanner;
import dev.propsops.drift.plan.Period;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.stats.Measurements;
import dev.propsops.drift.testdata.StubAnswers;
import dev.propsops.sport.Sport;
import dev.propsops.testing.BigQueryStub;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BigQuery source with the real client against WireMock: what it sends, in which order, and what it makes of the answers. */
class BigQueryStatsSourceTest {
    static final long GB = 1L << 30;

    @TempDir
    static Path tmp;

    static Path database;
    static ConfiguredChecks nba;

    BigQueryStub stub;
    ComparisonPlan plan;
    List<StatsQuery> queries;

    @BeforeAll
    static void data() throws Exception {
        database = PlatformData.handoff().writeDuckDb(tmp.resolve("handoff.duckdb"));
        DriftConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(BigQueryStatsSourceTest.class.getClassLoader().getResource("application.properties"), 100))
                .withMapping(DriftConfig.class).build().getConfigMapping(DriftConfig.class);
        nba = ConfiguredChecks.of(config, Sport.nba);
    }

    @BeforeEach
    void start() {
        stub = new BigQueryStub();
        plan = ComparisonPlanner.plan(Optional.of(YearMonth.of(2026, 1)), Optional.empty(), Optional.empty(), Baseline.PREVIOUS_SEASON,
                LocalDate.of(2026, 2, 2));
        queries = nba.queries(plan);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private BigQueryStatsSource source(long maxBytes) {
        return new BigQueryStatsSource(stub.client(), stub.target(), maxBytes);
    }

    @Test
    void dryRunsFirstThenOneNamedParameterQueryPerTableAndReadsTheAnswersFaithfully() throws Exception {
        stub.stubDryRun(3 * GB);
        try (Connection c = PlatformData.connect(database)) {
            for (StatsQuery q : queries) {
                StubAnswers.stub(stub, c, q);
            }
        }
        BigQueryStatsSource source = source(10 * GB);
        FeatureStatsSource.Preflight preflight = source.preflight(queries);
        assertThat(preflight.bytes()).hasValue(9 * GB); // three statements, 3 GB each
        assertThat(stub.queryRequests()).as("nothing runs during the preflight").isEmpty();

        List<Measurements> fromBigQuery = queries.stream().map(source::measure).toList();

        List<LoggedRequest> all = stub.allRequests();
        assertThat(all).hasSize(6);
        // in order: the three dry runs, then the three queries
        assertThat(all.subList(0, 3)).allSatisfy(r -> assertThat(r.getUrl()).contains("/jobs"));
        assertThat(all.subList(3, 6)).allSatisfy(r -> assertThat(r.getUrl()).contains("/queries"));
        assertThat(stub.jobRequests()).allSatisfy(j -> assertThat(j.path("configuration").path("dryRun").asBoolean()).isTrue());

        List<JsonNode> sent = stub.queryRequests();
        assertThat(sent).hasSize(3);
        for (JsonNode request : sent) {
            assertThat(request.path("useLegacySql").asBoolean(true)).isFalse();
            assertThat(request.path("queryParameters")).as("named parameters").isNotEmpty()
                    .allSatisfy(p -> assertThat(p.path("name").asText()).isNotBlank());
            assertThat(request.path("maximumBytesBilled").asText()).as("BigQuery enforces the budget too").isEqualTo(Long.toString(10 * GB));
            assertThat(request.path("query").asText()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
            JsonNode start = param(request, "window_start");
            assertThat(start.path("parameterType").path("type").asText()).isEqualTo("DATE");
            assertThat(start.path("parameterValue").path("value").asText()).isEqualTo("2026-01-01");
            assertThat(param(request, "baseline_end").path("parameterValue").path("value").asText()).isEqualTo("2025-01-31");
        }
        JsonNode store = sent.stream().filter(r -> r.path("query").asText().contains("ml_feature_store_v2")).findFirst().orElseThrow();
        assertThat(store.path("query").asText()).isEqualTo(source.statement(queries.get(0)).sql());
        assertThat(param(store, "min_array_length").path("parameterValue").path("value").asText()).isEqualTo("33");
        JsonNode accuracy = sent.stream().filter(r -> r.path("query").asText().contains("prediction_accuracy")).findFirst().orElseThrow();
        assertThat(param(accuracy, "outcome_filter").path("parameterValue").path("value").asText()).isEqualTo("catboost_v8");

        // what the adapter read is what DuckDB computed: the BigQuery path loses nothing on the way
        try (DuckDbStatsSource duck = DuckDbStatsSource.database(database)) {
            duck.preflight(queries);
            for (int i = 0; i < queries.size(); i++) {
                Measurements d = duck.measure(queries.get(i));
                for (Period p : plan.periods()) {
                    assertThat(fromBigQuery.get(i).of(p).rows()).isEqualTo(d.of(p).rows()).isPositive();
                    assertThat(fromBigQuery.get(i).of(p).features()).hasSameSizeAs(d.of(p).features());
                    assertThat(fromBigQuery.get(i).of(p).outcome()).isEqualTo(d.of(p).outcome());
                    for (int f = 0; f < d.of(p).features().size(); f++) {
                        assertThat(fromBigQuery.get(i).of(p).features().get(f).present()).isEqualTo(d.of(p).features().get(f).present());
                    }
                }
            }
        }
    }

    private static JsonNode param(JsonNode request, String name) {
        for (JsonNode p : request.path("queryParameters")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + request.path("queryParameters"));
    }

    @Test
    void overTheBudgetNothingRunsAndTheRefusalGivesTheFigure() {
        stub.stubDryRun(4 * GB);
        assertThatThrownBy(() -> source(10 * GB).preflight(queries)).isInstanceOfSatisfying(OpsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains("would scan 12.0 GB (" + 12 * GB + " bytes", "nba_predictions.ml_feature_store_v2 4.0 GB",
                    "over --max-bytes 10.0 GB; nothing was run");
            assertThat(e.fix()).hasValueSatisfying(f -> assertThat(f).contains("--month", "--max-bytes"));
        });
        assertThat(stub.queryRequests()).isEmpty();
        assertThat(stub.jobRequests()).hasSize(3);
    }

    @Test
    void aMissingPermissionNamesBothRoles() {
        stub.server().stubFor(post(urlPathEqualTo("/bigquery/v2/projects/" + BigQueryStub.PROJECT + "/jobs"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"code\":403,\"message\":\"Access Denied: Project test-project: User does not have bigquery.jobs.create permission\","
                                + "\"errors\":[{\"reason\":\"accessDenied\"}]}}")));
        assertThatThrownBy(() -> source(10 * GB).preflight(queries)).isInstanceOfSatisfying(StoreException.class, e -> {
            Explanation x = ErrorExplainer.explain(e);
            assertThat(x.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(x.message()).contains("dry-run the drift query of nba_predictions.ml_feature_store_v2", "PERMISSION_DENIED",
                    "bigquery.jobs.create", stub.baseUrl());
            assertThat(x.fix()).hasValueSatisfying(f -> assertThat(f).contains("roles/bigquery.jobUser", "roles/bigquery.dataViewer"));
        });
    }

    @Test
    void aMissingTableIsAClearNotFound() {
        stub.server().stubFor(post(urlPathEqualTo("/bigquery/v2/projects/" + BigQueryStub.PROJECT + "/jobs"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"code\":404,\"message\":\"Not found: Table test-project:nba_predictions.ml_feature_store_v2 was not found in location us-west2\","
                                + "\"errors\":[{\"reason\":\"notFound\"}]}}")));
        assertThatThrownBy(() -> source(10 * GB).preflight(queries)).isInstanceOfSatisfying(StoreException.class, e -> {
            Explanation x = ErrorExplainer.explain(e);
            assertThat(x.message()).contains("NOT_FOUND", "ml_feature_store_v2 was not found in location us-west2");
            assertThat(x.fix()).hasValueSatisfying(f -> assertThat(f).contains("project id"));
        });
    }
}
