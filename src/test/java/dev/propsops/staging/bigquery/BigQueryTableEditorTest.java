package dev.propsops.staging.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.StoreException;
import dev.propsops.staging.TableMeta;
import dev.propsops.testing.BigQueryStub;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The changes, as the real client sends them to WireMock. */
class BigQueryTableEditorTest {
    private static final TableMeta TABLE = new TableMeta("nba_raw", "odds_api_temp_test", 1, Instant.EPOCH,
            Instant.parse("2024-12-02T00:00:00Z"), 10, 1_000);

    private BigQueryStub stub;
    private TablesApiStub api;
    private BigQueryTableEditor editor;

    @BeforeEach
    void start() {
        stub = new BigQueryStub();
        api = new TablesApiStub(stub);
        editor = new BigQueryTableEditor(stub.client(), stub.target());
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void anExpirationIsPatchedAsAbsoluteEpochMillisecondsAndNothingElse() {
        api.acceptChanges();
        Instant at = Instant.parse("2026-02-08T12:00:00Z");

        editor.setExpiration(TABLE, at, Optional.empty());

        assertThat(api.patches()).hasSize(1);
        assertThat(api.patches().get(0).getHeader("X-HTTP-Method-Override")).isEqualTo("PATCH");
        assertThat(api.patches().get(0).getUrl()).contains("/projects/test-project/datasets/nba_raw/tables/odds_api_temp_test");
        JsonNode body = api.patchBodies().get(0);
        assertThat(body.path("expirationTime").asLong()).isEqualTo(at.toEpochMilli()).isEqualTo(1_770_552_000_000L);
        // no schema, no type change, no labels: only what is asked
        assertThat(body.has("schema")).isFalse();
        assertThat(body.has("labels")).isFalse();
    }

    @Test
    void labelsAreSentWhenGiven() {
        api.acceptChanges();
        editor.setExpiration(TABLE, Instant.parse("2026-05-01T00:00:00Z"),
                Optional.of(Map.of("props-ops-lifecycle", "true", "owner", "data-eng")));
        JsonNode labels = api.patchBodies().get(0).path("labels");
        assertThat(labels.path("props-ops-lifecycle").asText()).isEqualTo("true");
        assertThat(labels.path("owner").asText()).isEqualTo("data-eng");
    }

    @Test
    void deleteSaysWhetherTheTableWasThere() {
        api.acceptChanges();
        assertThat(editor.delete(TABLE)).isTrue();
        assertThat(api.deletes()).containsExactly("odds_api_temp_test");

        stub.server().resetAll();
        stub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(TablesApiStub.path("nba_raw", "odds_api_temp_test")))
                .willReturn(TablesApiStub.error(404, "notFound", "Not found: Table test-project:nba_raw.odds_api_temp_test")));
        assertThat(editor.delete(TABLE)).isFalse();
    }

    @Test
    void aMissingEditRoleIsNamed() {
        stub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(TablesApiStub.path("nba_raw", "odds_api_temp_test")))
                .willReturn(TablesApiStub.error(403, "accessDenied", "Access Denied: Table test-project:nba_raw.odds_api_temp_test")));
        assertThatThrownBy(() -> editor.setExpiration(TABLE, Instant.now().plus(Duration.ofDays(7)), Optional.empty()))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(ErrorExplainer.explain(e).fix())
                        .hasValueSatisfying(f -> assertThat(f).contains("roles/bigquery.dataEditor")));
        assertThatThrownBy(() -> editor.delete(TABLE)).isInstanceOf(StoreException.class).hasMessageContaining("delete nba_raw.odds_api_temp_test");
    }
}
