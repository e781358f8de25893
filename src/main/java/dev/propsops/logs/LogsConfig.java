package dev.propsops.logs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** {@code ops.logs.*}: log-triage's defaults and bounds; options override the ones they name. */
@ConfigMapping(prefix = "ops.logs")
public interface LogsConfig {
    /** The window when neither --since nor --from is given. */
    @WithDefault("7d")
    Duration since();

    /** --max-entries: a read stops after this many entries (per window) and says it is truncated. */
    @WithDefault("200000")
    long maxEntries();

    /** --min-severity. */
    @WithDefault("ERROR")
    String minSeverity();

    /** The resource types read from Cloud Logging. */
    @WithDefault("cloud_run_revision,cloud_run_job")
    List<String> resourceTypes();

    /** Entries per Cloud Logging page (the API's maximum is 1,000). */
    @WithDefault("1000")
    int pageSize();

    /**
     * Page requests per second: the read quota is 60 requests a minute per project, shared with everyone
     * reading the project's logs, so the default stays well under it.
     */
    @WithDefault("1.0")
    double requestsPerSecond();

    /** Attempts per page on RESOURCE_EXHAUSTED (the quota), the first included. */
    @WithDefault("6")
    int quotaAttempts();

    /** The first wait after RESOURCE_EXHAUSTED; doubles each time, up to {@link #quotaMaxBackoff()}. */
    @WithDefault("5s")
    Duration quotaBackoff();

    @WithDefault("60s")
    Duration quotaMaxBackoff();

    /** Lines of one traceback are at most this far apart in time. */
    @WithDefault("2s")
    Duration joinGap();

    /** Instances with an open traceback at once (a bound on memory). */
    @WithDefault("10000")
    int maxOpenEvents();

    /** Lines one event holds at most; the next line starts another event. */
    @WithDefault("1000")
    int maxEventLines();

    /** A new pattern or a spike needs at least this many events in the window. */
    @WithDefault("10")
    long minEvents();

    /** A spike is at least this many times the baseline rate. */
    @WithDefault("3.0")
    double spikeFactor();

    /** --top: patterns shown per service. */
    @WithDefault("10")
    int top();

    /** Traceback groups per service before they share one overflow group. */
    @WithDefault("1000")
    int maxTracebackGroups();

    /** The region of the Cloud Run Admin API look-up of service accounts when an entry names none. */
    @WithDefault("us-west2")
    String region();
}
