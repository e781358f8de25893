package dev.propsops.testing;

import dev.propsops.gcp.GcpConfig;
import dev.propsops.monitoring.MonitoringConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;

/** The shipped configuration mapped without booting Quarkus, with some keys changed by the test. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static SmallRyeConfig with(Map<String, String> overrides) {
        URL shipped = TestConfigs.class.getClassLoader().getResource("application.properties");
        try {
            return new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(shipped, 100))
                    .withSources(new PropertiesConfigSource(overrides, "test-overrides", 200))
                    // Quarkus' converter for durations written 10s, 5m (plain SmallRye takes ISO-8601 only)
                    .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                    .withMapping(GcpConfig.class)
                    .withMapping(MonitoringConfig.class)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GcpConfig gcp(Map<String, String> overrides) {
        return with(overrides).getConfigMapping(GcpConfig.class);
    }
}
