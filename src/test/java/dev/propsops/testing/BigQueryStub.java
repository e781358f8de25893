package dev.propsops.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.cloud.bigquery.BigQuery;
import dev.propsops.cli.Json;
import dev.propsops.gcp.BigQueryConnector;
import dev.propsops.gcp.BigQuerySettings;
import dev.propsops.gcp.BigQueryTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * WireMock standing in for the BigQuery REST API, driven by the real BigQuery client: stubs for query
 * results ({@code jobs.query}) and dry runs ({@code jobs.insert} with dryRun), and access to the requests
 * made, so tests assert what props-ops sent (SQL, named parameters, how many calls).
 */
public final class BigQueryStub implements AutoCloseable {
    public static final String PROJECT = "test-project";
    private static final String QUERIES = "/bigquery/v2/projects/" + PROJECT + "/queries";
    private static final String JOBS = "/bigquery/v2/projects/" + PROJECT + "/jobs";

    private final WireMockServer server;

    public BigQueryStub() {
        this(new com.github.tomakehurst.wiremock.extension.Extension[0]);
    }

    /** With WireMock extensions, e.g. a listener that looks at the world when a request arrives. */
    public BigQueryStub(com.github.tomakehurst.wiremock.extension.Extension... extensions) {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(extensions));
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public BigQuerySettings settings() {
        return new BigQuerySettings(Optional.of(baseUrl()), "us-west2", 3, Duration.ofMillis(5), Duration.ofMillis(20));
    }

    public BigQueryTarget target() {
        return new BigQueryTarget(PROJECT, "us-west2", Optional.of(baseUrl()), 3);
    }

    /** A client of the real library pointed at this stub. */
    public BigQuery client() {
        return BigQueryConnector.connect(target(), settings());
    }

    /**
     * Answers queries whose SQL contains {@code sqlFragment} with the given columns ("name TYPE") and rows
     * (each a list of cell values as strings, null for NULL; a list for an ARRAY column), in one page.
     */
    public void stubQuery(String sqlFragment, List<String> columns, List<? extends List<?>> rows) {
        ObjectNode body = Json.object();
        body.put("kind", "bigquery#queryResponse");
        body.set("schema", schema(columns));
        ObjectNode job = body.putObject("jobReference");
        job.put("projectId", PROJECT);
        job.put("jobId", "job_" + Math.abs(sqlFragment.hashCode()));
        job.put("location", "us-west2");
        body.put("totalRows", Integer.toString(rows.size()));
        body.put("jobComplete", true);
        body.put("cacheHit", false);
        ArrayNode rowNodes = body.putArray("rows");
        for (List<?> row : rows) {
            ArrayNode cells = rowNodes.addObject().putArray("f");
            for (Object v : row) {
                ObjectNode cell = cells.addObject();
                if (v == null) {
                    cell.putNull("v");
                } else if (v instanceof List<?> items) {
                    // a REPEATED field: {"v": [{"v": "1.5"}, ...]}
                    ArrayNode values = cell.putArray("v");
                    items.forEach(item -> values.addObject().put("v", String.valueOf(item)));
                } else {
                    cell.put("v", v.toString());
                }
            }
        }
        server.stubFor(post(urlPathEqualTo(QUERIES))
                .withRequestBody(matchingJsonPath("$.query", com.github.tomakehurst.wiremock.client.WireMock.containing(sqlFragment)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString())));
    }

    /**
     * Answers queries whose SQL contains {@code sqlFragment} with several pages of rows, as BigQuery does
     * for a large result: {@code jobs.query} returns the first page and a page token; the client then reads
     * the job ({@code jobs.get}) for its destination table and the next pages with {@code tabledata.list}
     * and that token. Returns the path of the tabledata.list calls, to count them.
     */
    public String stubQueryPages(String sqlFragment, List<String> columns, List<List<List<String>>> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("at least one page");
        }
        String jobId = "job_paged_" + Math.abs(sqlFragment.hashCode());
        long total = pages.stream().mapToLong(List::size).sum();
        ObjectNode first = Json.object();
        first.put("kind", "bigquery#queryResponse");
        first.set("schema", schema(columns));
        ObjectNode job = first.putObject("jobReference");
        job.put("projectId", PROJECT);
        job.put("jobId", jobId);
        job.put("location", "us-west2");
        first.put("totalRows", Long.toString(total));
        first.put("jobComplete", true);
        first.set("rows", rows(pages.get(0)));
        if (pages.size() > 1) {
            first.put("pageToken", "page-2");
        }
        server.stubFor(post(urlPathEqualTo(QUERIES))
                .withRequestBody(matchingJsonPath("$.query", com.github.tomakehurst.wiremock.client.WireMock.containing(sqlFragment)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(first.toString())));

        ObjectNode jobBody = Json.object();
        jobBody.put("kind", "bigquery#job");
        jobBody.set("jobReference", job.deepCopy());
        ObjectNode destination = jobBody.putObject("configuration").putObject("query");
        destination.put("query", sqlFragment);
        ObjectNode table = destination.putObject("destinationTable");
        table.put("projectId", PROJECT);
        table.put("datasetId", "_anonymous");
        table.put("tableId", "anon_" + jobId);
        jobBody.putObject("status").put("state", "DONE");
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(JOBS + "/" + jobId))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(jobBody.toString())));

        String dataPath = "/bigquery/v2/projects/" + PROJECT + "/datasets/_anonymous/tables/anon_" + jobId + "/data";
        for (int i = 1; i < pages.size(); i++) {
            ObjectNode page = Json.object();
            page.put("kind", "bigquery#tableDataList");
            page.put("totalRows", Long.toString(total));
            page.set("rows", rows(pages.get(i)));
            if (i + 1 < pages.size()) {
                page.put("pageToken", "page-" + (i + 2));
            }
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(dataPath))
                    .withQueryParam("pageToken", com.github.tomakehurst.wiremock.client.WireMock.equalTo("page-" + (i + 1)))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(page.toString())));
        }
        return dataPath;
    }

    private static ArrayNode rows(List<List<String>> rows) {
        ArrayNode rowNodes = Json.array();
        for (List<String> row : rows) {
            ArrayNode cells = rowNodes.addObject().putArray("f");
            for (String v : row) {
                ObjectNode cell = cells.addObject();
                if (v == null) {
                    cell.putNull("v");
                } else {
                    cell.put("v", v);
                }
            }
        }
        return rowNodes;
    }

    /** Answers dry runs with the bytes the query would scan. */
    public void stubDryRun(long totalBytesProcessed) {
        server.stubFor(post(urlPathEqualTo(JOBS)).withRequestBody(matchingJsonPath("$.configuration.dryRun",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(dryRunBody(totalBytesProcessed))));
    }

    /** Answers the dry runs of queries whose SQL contains {@code sqlFragment}; stubbed after the general one, it wins. */
    public void stubDryRun(String sqlFragment, long totalBytesProcessed) {
        server.stubFor(post(urlPathEqualTo(JOBS))
                .withRequestBody(matchingJsonPath("$.configuration.dryRun", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                .withRequestBody(matchingJsonPath("$.configuration.query.query",
                        com.github.tomakehurst.wiremock.client.WireMock.containing(sqlFragment)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(dryRunBody(totalBytesProcessed))));
    }

    private static String dryRunBody(long totalBytesProcessed) {
        ObjectNode body = Json.object();
        body.put("kind", "bigquery#job");
        ObjectNode ref = body.putObject("jobReference");
        ref.put("projectId", PROJECT);
        ref.put("location", "us-west2");
        ObjectNode configuration = body.putObject("configuration");
        configuration.putObject("query").put("query", "dry run");
        configuration.put("dryRun", true);
        ObjectNode stats = body.putObject("statistics");
        stats.put("totalBytesProcessed", Long.toString(totalBytesProcessed));
        stats.putObject("query").put("totalBytesProcessed", Long.toString(totalBytesProcessed));
        body.putObject("status").put("state", "DONE");
        return body.toString();
    }

    /**
     * Fails every call (dry run or query) whose SQL contains {@code sqlFragment} with an HTTP error as BigQuery
     * writes it, e.g. 403 accessDenied or 404 notFound.
     */
    public void stubError(String sqlFragment, int status, String reason, String message) {
        String body = "{\"error\":{\"code\":" + status + ",\"message\":" + Json.mapper().getNodeFactory().textNode(message)
                + ",\"errors\":[{\"reason\":\"" + reason + "\",\"message\":" + Json.mapper().getNodeFactory().textNode(message) + "}]}}";
        server.stubFor(post(urlPathEqualTo(JOBS))
                .withRequestBody(matchingJsonPath("$.configuration.query.query", com.github.tomakehurst.wiremock.client.WireMock.containing(sqlFragment)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
        server.stubFor(post(urlPathEqualTo(QUERIES))
                .withRequestBody(matchingJsonPath("$.query", com.github.tomakehurst.wiremock.client.WireMock.containing(sqlFragment)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** Request bodies of every query sent (jobs.query), as JSON. */
    public List<JsonNode> queryRequests() {
        return bodies(server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(QUERIES))));
    }

    /** Request bodies of every job inserted (dry runs included), as JSON. */
    public List<JsonNode> jobRequests() {
        return bodies(server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(JOBS))));
    }

    /** Every request the stub saw, in order. */
    public List<LoggedRequest> allRequests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    private static List<JsonNode> bodies(List<LoggedRequest> requests) {
        return requests.stream().map(r -> {
            try {
                return Json.mapper().readTree(r.getBodyAsString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static ObjectNode schema(List<String> columns) {
        ObjectNode schema = Json.object();
        ArrayNode fields = schema.putArray("fields");
        for (String column : columns) {
            String[] nt = column.trim().split("\\s+", 2);
            ObjectNode f = fields.addObject();
            f.put("name", nt[0]);
            String type = nt[1].toUpperCase(java.util.Locale.ROOT);
            if (type.startsWith("ARRAY<")) {
                f.put("mode", "REPEATED");
                type = type.substring(6, type.length() - 1);
            } else {
                f.put("mode", "NULLABLE");
            }
            f.put("type", switch (type) {
                case "INT64" -> "INTEGER";
                case "FLOAT64" -> "FLOAT";
                case "BOOL" -> "BOOLEAN";
                default -> type;
            });
        }
        return schema;
    }

    @Override
    public void close() {
        server.stop();
    }
}
