package dev.propsops.gcp;

import java.time.Duration;
import java.util.Optional;

/** BigQuery connection and retry settings, from {@code ops.gcp.bigquery.*}. */
public record BigQuerySettings(Optional<String> host, String location, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff) {
    public BigQuerySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("ops.gcp.bigquery.max-attempts must be at least 1, was " + maxAttempts);
        }
    }

    public static BigQuerySettings defaults() {
        return new BigQuerySettings(Optional.empty(), "us-west2", 5, Duration.ofSeconds(1), Duration.ofSeconds(16));
    }

    public BigQuerySettings withHost(String newHost) {
        return new BigQuerySettings(Optional.of(newHost), location, maxAttempts, initialBackoff, maxBackoff);
    }
}
