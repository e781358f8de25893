package dev.propsops.cloudrun;

import java.time.Instant;
import java.util.Optional;

/** One execution of a Cloud Run job. */
public record Execution(String name, String job, Optional<Instant> createTime, Optional<Instant> completionTime,
        Status status, String message) {
    public enum Status {
        SUCCEEDED,
        FAILED,
        RUNNING,
        PENDING,
        CANCELLED,
        UNKNOWN
    }
}
