package dev.propsops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stub answers the real client the way BigQuery does, and records what it was sent. */
class BigQueryStubTest {
    @Test
    void answersQueriesAndDryRunsAndRecordsNamedParameters() throws Exception {
        try (BigQueryStub stub = new BigQueryStub()) {
            stub.stubQuery("FROM `test-project.nba_raw.__TABLES__`", List.of("table_id STRING", "size_bytes INT64"),
                    List.of(Arrays.asList("odds_api_temp_test", "1024"), Arrays.asList("gold_players", null)));
            stub.stubDryRun(123_456_789L);
            BigQuery bq = stub.client();

            QueryJobConfiguration q = QueryJobConfiguration.newBuilder(
                    "SELECT table_id, size_bytes FROM `test-project.nba_raw.__TABLES__` WHERE size_bytes > @min")
                    .addNamedParameter("min", QueryParameterValue.int64(0L)).setUseLegacySql(false).build();
            Job dry = bq.create(JobInfo.of(q.toBuilder().setDryRun(true).build()));
            TableResult result = bq.query(q);

            assertThat(((JobStatistics.QueryStatistics) dry.getStatistics()).getTotalBytesProcessed()).isEqualTo(123_456_789L);
            List<String> ids = new ArrayList<>();
            for (FieldValueList row : result.iterateAll()) {
                ids.add(row.get("table_id").getStringValue() + ":" + (row.get("size_bytes").isNull() ? "null" : row.get("size_bytes").getLongValue()));
            }
            assertThat(ids).containsExactly("odds_api_temp_test:1024", "gold_players:null");
            assertThat(stub.queryRequests()).hasSize(1);
            assertThat(stub.queryRequests().get(0).path("queryParameters").get(0).path("name").asText()).isEqualTo("min");
            assertThat(stub.jobRequests()).hasSize(1);
        }
    }
}
