package dev.propsops.staging.bigquery;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.Explanation;
import dev.propsops.cli.StoreException;
import dev.propsops.staging.TableDetails;
import dev.propsops.staging.TableMeta;
import dev.propsops.staging.TableType;
import dev.propsops.testing.BigQueryStub;
import dev.propsops.testing.PlatformSchemas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BigQuery catalog with the real client against WireMock: the requests it makes and what it reads. */
class BigQueryTableCatalogTest {
    private BigQueryStub stub;
    private TablesApiStub api;
    private BigQueryTableCatalog catalog;

    @BeforeEach
    void start() {
        stub = new BigQueryStub();
        api = new TablesApiStub(stub);
        catalog = new BigQueryTableCatalog(stub.client(), stub.target());
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void oneValidatedMetadataQueryReadsEveryTableOfADataset() {
        api.dataset("nba_raw", List.of(
                TablesApiStub.row("odds_api_temp_test", 1, 1_733_011_200_000L, 1_733_097_600_000L, 48_210, 9_663_676_416L),
                TablesApiStub.row("odds_history_old", 2, 1_704_067_200_000L, 1_704_067_200_000L, 0, 0)));

        List<TableMeta> tables = catalog.tables("nba_raw");

        assertThat(tables).hasSize(2);
        TableMeta t = tables.get(0);
        assertThat(t.dataset()).isEqualTo("nba_raw");
        assertThat(t.table()).isEqualTo("odds_api_temp_test");
        assertThat(t.type()).isEqualTo(TableType.TABLE);
        assertThat(t.created()).isEqualTo(Instant.ofEpochMilli(1_733_011_200_000L));
        assertThat(t.lastModified()).isEqualTo(Instant.ofEpochMilli(1_733_097_600_000L));
        assertThat(t.rows()).isEqualTo(48_210);
        assertThat(t.sizeBytes()).isEqualTo(9_663_676_416L);
        assertThat(tables.get(1).type()).isEqualTo(TableType.VIEW);
        List<JsonNode> queries = stub.queryRequests();
        assertThat(queries).hasSize(1);
        String sql = queries.get(0).path("query").asText();
        assertThat(queries.get(0).path("useLegacySql").asBoolean(true)).isFalse();
        PlatformSchemas.validator().validate(sql, Map.of());
        // nothing per table: no tables.get or tables.list
        assertThat(stub.allRequests()).hasSize(1);
    }

    @Test
    void allPagesOfALargeResultAreRead() {
        List<List<List<String>>> pages = new ArrayList<>();
        int n = 0;
        for (int page = 0; page < 3; page++) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < (page == 2 ? 7 : 20); i++, n++) {
                rows.add(TablesApiStub.row("t_" + n + "_tmp", 1, 1_000L, 2_000L, n, n * 10L));
            }
            pages.add(rows);
        }
        String dataPath = stub.stubQueryPages(TablesApiStub.fragment("nba_raw"), TablesApiStub.COLUMNS, pages);

        List<TableMeta> tables = catalog.tables("nba_raw");

        assertThat(tables).hasSize(47);
        assertThat(tables.get(46).table()).isEqualTo("t_46_tmp");
        assertThat(tables.get(46).sizeBytes()).isEqualTo(460);
        assertThat(stub.queryRequests()).hasSize(1);
        stub.server().verify(2, getRequestedFor(urlPathEqualTo(dataPath)));
    }

    @Test
    void a5xxIsRetriedAndTheQueryThenSucceeds() {
        stub.server().stubFor(post(urlPathEqualTo("/bigquery/v2/projects/test-project/queries")).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(TablesApiStub.error(503, "backendError", "The service is currently unavailable"))
                .willSetStateTo("recovered"));
        api.dataset("nba_raw", List.<List<String>>of(TablesApiStub.row("odds_api_temp_test", 1, 1L, 2L, 3, 4)));

        assertThat(catalog.tables("nba_raw")).extracting(TableMeta::table).containsExactly("odds_api_temp_test");
        assertThat(stub.queryRequests()).hasSize(2);
    }

    @Test
    void anUnreadableDatasetIsAStoreExceptionThatNamesTheRolesAndIsNotRetried() {
        api.datasetFails("nba_precompute", 403, "accessDenied",
                "Access Denied: Table test-project:nba_precompute.__TABLES__: User does not have permission to query table");

        assertThatThrownBy(() -> catalog.tables("nba_precompute")).isInstanceOfSatisfying(StoreException.class, e -> {
            Explanation x = ErrorExplainer.explain(e);
            assertThat(x.message()).contains("read the tables of dataset nba_precompute", "PERMISSION_DENIED", "Access Denied");
            assertThat(x.fix()).hasValueSatisfying(f -> assertThat(f).contains("roles/bigquery.metadataViewer", "roles/bigquery.jobUser"));
        });
        assertThat(stub.queryRequests()).hasSize(1);
    }

    @Test
    void detailsAskOnlyForLabelsExpirationAndLastModification() {
        api.table("nba_raw", "odds_api_temp_test", Map.of("props-ops-keep", "true"), 1_900_000_000_000L, 1_733_097_600_000L);
        TableMeta t = new TableMeta("nba_raw", "odds_api_temp_test", 1, Instant.EPOCH, Instant.ofEpochMilli(1_733_097_600_000L), 1, 1);

        TableDetails d = catalog.details(t);

        assertThat(d.status()).isEqualTo(TableDetails.Status.KNOWN);
        assertThat(d.labels()).containsEntry("props-ops-keep", "true");
        assertThat(d.expiration()).contains(Instant.ofEpochMilli(1_900_000_000_000L));
        assertThat(d.lastModified()).contains(Instant.ofEpochMilli(1_733_097_600_000L));
        String url = stub.allRequests().get(0).getUrl();
        assertThat(url).contains("/datasets/nba_raw/tables/odds_api_temp_test", "fields=")
                .contains("labels", "expirationTime", "lastModifiedTime").doesNotContain("schema");
    }

    @Test
    void aTableDeletedSinceTheListingIsGone() {
        stub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(TablesApiStub.path("nba_raw", "x_tmp")))
                .willReturn(TablesApiStub.error(404, "notFound", "Not found: Table test-project:nba_raw.x_tmp")));
        TableMeta t = new TableMeta("nba_raw", "x_tmp", 1, Instant.EPOCH, Instant.EPOCH, 1, 1);
        assertThat(catalog.details(t).status()).isEqualTo(TableDetails.Status.GONE);
    }
}
