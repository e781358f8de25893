package dev.propsops.audit.summaries;

import dev.propsops.heartbeat.monitor.MonitorReport;
import java.time.Instant;

/** The heartbeat-monitor's report, made by its own service on the run's Firestore. */
public interface HeartbeatSource {
    MonitorReport check(Instant now);
}
