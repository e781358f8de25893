package dev.propsops.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code ops.monitoring.*}: metric export and props-ops' own heartbeats. */
@ConfigMapping(prefix = "ops.monitoring")
public interface MonitoringConfig {
    /**
     * Series per metric and run beyond which points are dropped (a label fed by unbounded data). drift-check's
     * widest run, 33 features over 12 months, is 396 series of a metric.
     */
    @WithDefault("500")
    int maxSeriesPerMetric();

    OwnHeartbeat ownHeartbeat();

    /** {@code ops.monitoring.own-heartbeat.*} */
    interface OwnHeartbeat {
        /** How long one own-heartbeat write may take before the job goes on without it. */
        @WithDefault("10s")
        Duration timeout();
    }
}
