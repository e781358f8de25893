package dev.propsops.audit.bigquery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One row of INFORMATION_SCHEMA.JOBS_BY_PROJECT as the offline audit reads it from bq's JSON. */
public record JobRow(Instant creationTime, String projectId, String userEmail, String jobId, Optional<String> parentJobId,
        String jobType, Optional<String> statementType, boolean cacheHit, long bytesProcessed, long bytesBilled,
        String query, List<TableRef> referencedTables) {
    public JobRow {
        referencedTables = List.copyOf(referencedTables);
    }

    /** A table a job read. */
    public record TableRef(String projectId, String datasetId, String tableId) {
    }

    /**
     * Whether the job's bytes count toward the cost: a query, billed, not answered from cache, and not the
     * parent row of a script (its children carry the bytes; counting both bills them twice).
     */
    public boolean billedQuery() {
        return "QUERY".equalsIgnoreCase(jobType) && !cacheHit && bytesBilled > 0
                && !statementType.map("SCRIPT"::equalsIgnoreCase).orElse(false);
    }
}
