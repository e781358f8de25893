package dev.propsops.staging.bigquery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.propsops.cli.Json;
import dev.propsops.testing.BigQueryStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The BigQuery table API on top of {@link BigQueryStub}: the {@code __TABLES__} rows of a dataset,
 * {@code tables.get} (labels, expiration, last modification), {@code tables.patch} (POST with
 * X-HTTP-Method-Override: PATCH) and {@code tables.delete}, and the requests made to them.
 */
public final class TablesApiStub {
    public static final List<String> COLUMNS = List.of("table_id STRING", "type INT64", "creation_time INT64",
            "last_modified_time INT64", "row_count INT64", "size_bytes INT64");
    private static final String TABLES = "/bigquery/v2/projects/" + BigQueryStub.PROJECT + "/datasets/%s/tables/%s";

    private final BigQueryStub stub;

    public TablesApiStub(BigQueryStub stub) {
        this.stub = stub;
    }

    /** One __TABLES__ row, as the query returns it (every value a string). */
    public static List<String> row(String table, int type, long createdMs, long modifiedMs, long rows, long sizeBytes) {
        return Arrays.asList(table, Integer.toString(type), Long.toString(createdMs), Long.toString(modifiedMs),
                Long.toString(rows), Long.toString(sizeBytes));
    }

    /** The dataset's __TABLES__ query answers these rows in one page. */
    public void dataset(String dataset, List<List<String>> rows) {
        stub.stubQuery(fragment(dataset), COLUMNS, rows);
    }

    /** The dataset's __TABLES__ query answers with an HTTP error (403 access denied, 404 not found, ...). */
    public void datasetFails(String dataset, int status, String reason, String message) {
        stub.server().stubFor(post(urlPathEqualTo("/bigquery/v2/projects/" + BigQueryStub.PROJECT + "/queries"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.query", containing(fragment(dataset))))
                .willReturn(error(status, reason, message)));
    }

    public static String fragment(String dataset) {
        return BigQueryStub.PROJECT + "." + dataset + ".__TABLES__";
    }

    /** tables.get answers with these labels, expiration (null: none) and last modification. */
    public void table(String dataset, String table, Map<String, String> labels, Long expirationMs, long modifiedMs) {
        ObjectNode body = Json.object();
        body.put("kind", "bigquery#table");
        ObjectNode ref = body.putObject("tableReference");
        ref.put("projectId", BigQueryStub.PROJECT);
        ref.put("datasetId", dataset);
        ref.put("tableId", table);
        body.put("type", "TABLE");
        ObjectNode l = body.putObject("labels");
        labels.forEach(l::put);
        if (expirationMs != null) {
            body.put("expirationTime", Long.toString(expirationMs));
        }
        body.put("lastModifiedTime", Long.toString(modifiedMs));
        stub.server().stubFor(get(urlPathEqualTo(path(dataset, table)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString())));
    }

    /** tables.patch and tables.delete succeed for every table. */
    public void acceptChanges() {
        stub.server().stubFor(post(urlPathMatching("/bigquery/v2/projects/[^/]+/datasets/[^/]+/tables/[^/]+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"kind\":\"bigquery#table\",\"tableReference\":{\"projectId\":\"" + BigQueryStub.PROJECT
                                + "\",\"datasetId\":\"d\",\"tableId\":\"t\"},\"type\":\"TABLE\"}")));
        stub.server().stubFor(delete(urlPathMatching("/bigquery/v2/projects/[^/]+/datasets/[^/]+/tables/[^/]+"))
                .willReturn(aResponse().withStatus(204)));
    }

    public static String path(String dataset, String table) {
        return String.format(TABLES, dataset, table);
    }

    /** Every tables.patch sent (POST on a table), in order. */
    public List<LoggedRequest> patches() {
        return stub.server().findAll(postRequestedFor(urlPathMatching("/bigquery/v2/projects/[^/]+/datasets/[^/]+/tables/[^/]+")));
    }

    public List<JsonNode> patchBodies() {
        List<JsonNode> out = new ArrayList<>();
        for (LoggedRequest r : patches()) {
            try {
                out.add(Json.mapper().readTree(r.getBodyAsString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The table ids of every tables.delete sent, in order. */
    public List<String> deletes() {
        return stub.server().findAll(deleteRequestedFor(urlPathMatching(".*"))).stream()
                .map(r -> r.getUrl().replaceAll("\\?.*", "").replaceAll(".*/tables/", "")).toList();
    }

    /** Requests that change something: any POST other than a query or job, and any DELETE. */
    public List<LoggedRequest> mutations() {
        return stub.allRequests().stream().filter(r -> r.getMethod().getName().equals("DELETE")
                || r.getMethod().getName().equals("PATCH") || r.getMethod().getName().equals("PUT")
                || (r.getMethod().getName().equals("POST") && !r.getUrl().contains("/queries") && !r.getUrl().contains("/jobs")))
                .toList();
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String reason, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"errors\":[{\"reason\":\""
                        + reason + "\",\"message\":\"" + message + "\",\"domain\":\"global\"}]}}");
    }
}
