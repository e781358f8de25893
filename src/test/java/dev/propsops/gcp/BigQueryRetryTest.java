package dev.propsops.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.Dataset;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.Explanation;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.StoreException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real BigQuery client against WireMock: HTTP 5xx and 429 are retried, a bounded number of times. */
class BigQueryRetryTest {
    private static final String DATASET_PATH = "/bigquery/v2/projects/test-project/datasets/nba_raw";
    private static final String DATASET_JSON = """
            {"kind":"bigquery#dataset","id":"test-project:nba_raw",
             "datasetReference":{"projectId":"test-project","datasetId":"nba_raw"},"location":"us-west2"}""";

    private WireMockServer server;
    private BigQueryTarget target;
    private BigQuery bigquery;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        BigQuerySettings settings = new BigQuerySettings(Optional.of(server.baseUrl()), "us-west2", 4,
                Duration.ofMillis(5), Duration.ofMillis(20));
        target = new BigQueryTarget("test-project", "us-west2", settings.host(), settings.maxAttempts());
        bigquery = BigQueryConnector.connect(target, settings);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void a503FollowedBy200Succeeds() {
        server.stubFor(get(urlPathEqualTo(DATASET_PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"code\":503,\"message\":\"backend unavailable\"}}"))
                .willSetStateTo("recovered"));
        server.stubFor(get(urlPathEqualTo(DATASET_PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(DATASET_JSON)));

        Dataset dataset = bigquery.getDataset("nba_raw");

        assertThat(dataset.getDatasetId().getDataset()).isEqualTo("nba_raw");
        server.verify(2, getRequestedFor(urlPathEqualTo(DATASET_PATH)));
    }

    @Test
    void a429IsRetriedToo() {
        server.stubFor(get(urlPathEqualTo(DATASET_PATH)).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"error\":{\"code\":429,\"message\":\"slow down\"}}"))
                .willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo(DATASET_PATH)).inScenario("limited").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(DATASET_JSON)));

        assertThat(bigquery.getDataset("nba_raw")).isNotNull();
        server.verify(2, getRequestedFor(urlPathEqualTo(DATASET_PATH)));
    }

    @Test
    void aPersistent500FailsAfterTheBoundedAttemptsWithAClearError() {
        server.stubFor(get(urlPathEqualTo(DATASET_PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":500,\"message\":\"internal error\",\"errors\":[{\"reason\":\"backendError\"}]}}")));

        assertThatThrownBy(() -> target.call("read dataset nba_raw", "roles/bigquery.metadataViewer",
                () -> bigquery.getDataset("nba_raw")))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    Explanation x = ErrorExplainer.explain(e);
                    assertThat(x.exitCode()).isEqualTo(ExitCode.FAILED);
                    assertThat(x.message()).contains("read dataset nba_raw", "gave up after 4 attempts", server.baseUrl(),
                            "test-project", "internal error");
                });
        server.verify(4, getRequestedFor(urlPathEqualTo(DATASET_PATH)));
    }

    @Test
    void aPermissionErrorIsNotRetriedAndNamesTheRole() {
        server.stubFor(get(urlPathEqualTo(DATASET_PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":403,\"message\":\"Access Denied: Dataset test-project:nba_raw\",\"errors\":[{\"reason\":\"accessDenied\"}]}}")));

        assertThatThrownBy(() -> target.call("read dataset nba_raw", "roles/bigquery.metadataViewer",
                () -> bigquery.getDataset("nba_raw")))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    Explanation x = ErrorExplainer.explain(e);
                    assertThat(x.message()).contains("PERMISSION_DENIED", "Access Denied").doesNotContain("gave up");
                    assertThat(x.fix()).hasValueSatisfying(f -> assertThat(f).contains("roles/bigquery.metadataViewer"));
                });
        server.verify(1, getRequestedFor(urlPathEqualTo(DATASET_PATH)));
    }
}
