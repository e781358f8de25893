package dev.propsops.audit;

import dev.propsops.audit.sources.AuditSources;
import dev.propsops.cli.Invocation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What every check of one run shares: the run's "now", the window (--since), the project and Cloud Run
 * region, where data comes from (Google Cloud or an export directory), and the invocation for logs.
 */
public record AuditContext(Instant now, Duration since, Optional<String> project, String region, AuditSources sources,
        Invocation invocation) {
    /** The start of the window: now - --since. */
    public Instant windowStart() {
        return now.minus(since);
    }

    /** The project, or a skip when the source cannot tell it (an export without project.json or --project). */
    public String requireProject() {
        return project.orElseThrow(() -> new CheckSkipped("the project is not known",
                "pass --project, or add project.json to the export (gcloud projects describe P --format=json)"));
    }
}
