package dev.propsops.gcp;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import dev.propsops.cli.Invocation;
import java.util.Optional;

/**
 * Builds BigQuery clients: production with Application Default Credentials, or any root URL (tests point it
 * at WireMock, with no credentials). Every client retries HTTP 429 and 5xx with exponential backoff, a
 * bounded number of times.
 */
public final class BigQueryConnector {
    private BigQueryConnector() {
    }

    public static BigQueryTarget target(Optional<String> projectFlag, GcpConfig config, Invocation invocation) {
        BigQuerySettings s = config.bigQuerySettings();
        String project = ProjectResolver.resolve(projectFlag, config.project(), invocation, false);
        return new BigQueryTarget(project, s.location(), s.host(), s.maxAttempts());
    }

    public static BigQuery connect(BigQueryTarget target, BigQuerySettings settings) {
        BigQueryOptions.Builder builder = BigQueryOptions.newBuilder()
                .setProjectId(target.projectId())
                .setLocation(target.location())
                .setRetrySettings(retrySettings(settings))
                .setResultRetryAlgorithm(new TransientErrorRetry());
        target.host().ifPresent(host -> builder.setHost(host).setCredentials(NoCredentials.getInstance()));
        return builder.build().getService();
    }

    static RetrySettings retrySettings(BigQuerySettings s) {
        return RetrySettings.newBuilder()
                .setMaxAttempts(s.maxAttempts())
                .setInitialRetryDelay(org.threeten.bp.Duration.ofMillis(s.initialBackoff().toMillis()))
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelay(org.threeten.bp.Duration.ofMillis(s.maxBackoff().toMillis()))
                .setTotalTimeout(org.threeten.bp.Duration.ofMinutes(10))
                .setJittered(true)
                .build();
    }
}
