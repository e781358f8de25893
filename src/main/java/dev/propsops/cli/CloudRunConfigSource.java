package dev.propsops.cli;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * On Cloud Run (CLOUD_RUN_JOB set) switches the library log lines (gRPC, Google clients) to JSON with a
 * severity, like props-ops' own log. Ranks above application.properties and below real environment
 * variables, so an explicit QUARKUS_LOG_CONSOLE_JSON_ENABLED still wins.
 */
public class CloudRunConfigSource implements ConfigSource {
    private static final Map<String, String> ON_CLOUD_RUN = Map.of("quarkus.log.console.json.enabled", "true");

    private final boolean onCloudRun = System.getenv(Invocation.CLOUD_RUN_JOB) != null;

    @Override
    public Map<String, String> getProperties() {
        return onCloudRun ? ON_CLOUD_RUN : Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return getProperties().get(propertyName);
    }

    @Override
    public String getName() {
        return "props-ops-cloud-run";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
