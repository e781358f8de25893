package dev.propsops.heartbeat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code ops.heartbeat.*}: where heartbeats live and what "on time" means. */
@ConfigMapping(prefix = "ops.heartbeat")
public interface HeartbeatConfig {
    /** The collection with one document per processor. */
    @WithDefault("processor_heartbeats")
    String collection();

    /** How often a processor is expected to beat when its doc does not say (daily processors: 26h). */
    @WithDefault("26h")
    Duration defaultExpectedInterval();
}
