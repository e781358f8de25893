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

    /** A client of a local stand-in (the target names its http:// root URL): no credentials. */
    public static BigQuery connect(BigQueryTarget target, BigQuerySettings settings) {
        String host = target.host().filter(h -> new Endpoint(GoogleApi.BIGQUERY, Optional.of(h)).plaintext())
                .orElseThrow(() -> new IllegalArgumentException("a real BigQuery needs the run's access: connect(target, settings, access)"));
        return builder(target, settings, new TransientErrorRetry(null)).setHost(host).setCredentials(NoCredentials.getInstance())
                .build().getService();
    }

    /**
     * A client of the target with the run's credentials (resolved and checked now, before the first call)
     * unless its endpoint is a plain-text stand-in; retries are reported by the API's watch.
     */
    public static BigQuery connect(BigQueryTarget target, BigQuerySettings settings, GcpAccess access) {
        Endpoint endpoint = target.host().map(h -> new Endpoint(GoogleApi.BIGQUERY, Optional.of(h)))
                .orElse(Endpoint.defaultOf(GoogleApi.BIGQUERY));
        if (endpoint.plaintext()) {
            return connect(target, settings);
        }
        BigQueryOptions.Builder builder = builder(target, settings, new TransientErrorRetry(access.watch(GoogleApi.BIGQUERY)))
                .setCredentials(access.credentials(GoogleApi.BIGQUERY));
        if (endpoint.overridden()) {
            builder.setHost(endpoint.url());
        }
        return builder.build().getService();
    }

    private static BigQueryOptions.Builder builder(BigQueryTarget target, BigQuerySettings settings, TransientErrorRetry retry) {
        return BigQueryOptions.newBuilder()
                .setProjectId(target.projectId())
                .setLocation(target.location())
                .setRetrySettings(retrySettings(settings))
                .setResultRetryAlgorithm(retry);
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
