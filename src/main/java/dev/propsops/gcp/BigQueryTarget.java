package dev.propsops.gcp;

import com.google.cloud.bigquery.BigQueryException;
import dev.propsops.cli.StoreException;
import java.util.Optional;
import java.util.function.Supplier;

/** Which BigQuery a run talks to; {@link #describe()} is what error messages name. */
public record BigQueryTarget(String projectId, String location, Optional<String> host, int maxAttempts) {
    public String describe() {
        return host.map(h -> "BigQuery at " + h).orElse("BigQuery") + " (project " + projectId + ", location " + location + ")";
    }

    /**
     * Runs one BigQuery call (retries are inside the client) and turns its failure into a
     * {@link StoreException} naming the operation, this target and the IAM role it needs.
     */
    public <T> T call(String operation, String neededRole, Supplier<T> call) {
        try {
            return call.get();
        } catch (BigQueryException e) {
            String op = TransientErrorRetry.isTransient(e) ? operation + " (gave up after " + maxAttempts + " attempts)" : operation;
            throw new StoreException(op, describe(), neededRole, e);
        }
    }
}
