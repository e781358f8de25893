package dev.propsops.drift.testdata;

import dev.propsops.drift.DriftConfig;
import dev.propsops.sport.SportConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;

/**
 * The configuration as shipped in application.properties, mapped without booting Quarkus, optionally with
 * some keys changed: unit tests read the real checks and seasons, and try broken ones.
 */
public final class ShippedConfig {
    private ShippedConfig() {
    }

    public static SmallRyeConfig with(Map<String, String> overrides) {
        URL shipped = ShippedConfig.class.getClassLoader().getResource("application.properties");
        try {
            return new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(shipped, 100))
                    .withSources(new PropertiesConfigSource(overrides, "test-overrides", 200))
                    .withMapping(DriftConfig.class)
                    .withMapping(SportConfig.class)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DriftConfig drift() {
        return drift(Map.of());
    }

    public static DriftConfig drift(Map<String, String> overrides) {
        return with(overrides).getConfigMapping(DriftConfig.class);
    }

    public static SportConfig sports() {
        return with(Map.of()).getConfigMapping(SportConfig.class);
    }
}
