package dev.propsops.cloudrun;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Cloud Run job: its template (what its next execution runs, and as whom) and its latest execution.
 *
 * @param template the task template's containers and service account (as a revision-like record)
 */
public record Job(String name, String region, Revision template, Optional<Execution> latestExecution,
        Map<String, String> labels) {
    public Job {
        labels = Map.copyOf(labels);
    }
}
