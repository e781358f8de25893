package dev.propsops.heartbeat;

import dev.propsops.cli.FailOnOptions;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.Json;
import dev.propsops.cli.OpsCommand;
import dev.propsops.cli.OpsException;
import dev.propsops.cli.OutputOptions;
import dev.propsops.gcp.FirestoreSession;
import dev.propsops.gcp.GcpConfig;
import dev.propsops.heartbeat.monitor.FirestoreMonitorStore;
import dev.propsops.heartbeat.monitor.MonitorMetrics;
import dev.propsops.heartbeat.monitor.MonitorReport;
import dev.propsops.heartbeat.monitor.MonitorService;
import dev.propsops.monitoring.ExportMetricsOptions;
import jakarta.inject.Inject;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code props-ops heartbeat-monitor}: read-only health of the heartbeat collection. */
@Command(name = "heartbeat-monitor", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Read-only heartbeat health: collection size against its bound, state per processor, a 0-100 health "
                + "score from canonical docs, processors still writing legacy docs.")
public class HeartbeatMonitorCommand extends OpsCommand {
    @Option(names = "--max-docs", paramLabel = "N",
            description = "Collection size bound; more docs is a critical finding (default: 50, key ops.heartbeat.monitor.max-docs).")
    Long maxDocs;

    @Option(names = "--min-score", paramLabel = "S",
            description = "Health score (0-100) under which the check is critical (default: 70, key ops.heartbeat.monitor.min-score).")
    Integer minScore;

    @Mixin
    FailOnOptions failOn;

    @Mixin
    HeartbeatCollectionOptions heartbeats;

    @Mixin
    OutputOptions output;

    @Mixin
    ExportMetricsOptions metrics;

    @Inject
    GcpConfig gcp;

    @Inject
    HeartbeatConfig config;

    @Override
    protected int execute(Invocation invocation) {
        MonitorService.Limits limits = limits();
        String coll = heartbeats.collection(config);
        try (FirestoreSession session = heartbeats.open(gcp, invocation)) {
            if (session.target().onEmulator()) {
                // reads cost nothing there, and its cursor queries are linear: skipping legacy blocks would be slow
                limits = limits.withFullReadLimit(Long.MAX_VALUE);
            }
            MonitorReport report = new MonitorService(new FirestoreMonitorStore(session.client(), coll))
                    .check(invocation.clock().instant(), limits);
            if (output.json()) {
                Json.print(invocation, report.toJson());
            } else {
                report.print(invocation.out());
            }
            invocation.out().flush();
            metrics.export(invocation, Optional.of(session.target().projectId()), () -> MonitorMetrics.of(report, coll));
            return failOn.exitCodeFor(report.worst());
        }
    }

    private MonitorService.Limits limits() {
        long bound = maxDocs != null ? maxDocs : config.monitor().maxDocs();
        int score = minScore != null ? minScore : config.monitor().minScore();
        if (bound < 1) {
            throw OpsException.usage("--max-docs must be at least 1, was " + bound);
        }
        if (score < 0 || score > 100) {
            throw OpsException.usage("--min-score must be between 0 and 100, was " + score);
        }
        return new MonitorService.Limits(bound, score, config.defaultExpectedInterval(), config.monitor().legacyWindow(),
                config.monitor().fullReadLimit());
    }
}
