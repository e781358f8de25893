package dev.propsops.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The native image's JNI registration for DuckDB must cover the driver on the classpath: its native code
 * looks classes up by name, and a class missing from jni-config.json only fails inside the native binary.
 */
class NativeConfigTest {
    private static final String CONFIG = "/META-INF/native-image/dev.propsops/props-ops/jni-config.json";

    @Test
    void jniConfigCoversEveryDuckDbClassOfTheDriverOnTheClasspath() throws Exception {
        Set<String> registered = new HashSet<>();
        try (InputStream in = NativeConfigTest.class.getResourceAsStream(CONFIG)) {
            assertThat(in).as(CONFIG).isNotNull();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                registered.add(entry.path("name").asText());
            }
        }
        URL driver = org.duckdb.DuckDBDriver.class.getResource("DuckDBDriver.class");
        Set<String> driverClasses = new HashSet<>();
        try (JarFile jar = ((JarURLConnection) driver.openConnection()).getJarFile()) {
            jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("org/duckdb/") && n.endsWith(".class"))
                    .forEach(n -> driverClasses.add(n.substring(0, n.length() - 6).replace('/', '.')));
            assertThat(jar.getEntry("libduckdb_java.so_linux_amd64")).as("the Linux JNI library the image includes").isNotNull();
        }
        assertThat(driverClasses).isNotEmpty();
        assertThat(registered).as("add the driver's missing classes to " + CONFIG + " (same entry shape as the others)")
                .containsAll(driverClasses);
        assertThat(registered).contains("java.lang.String", "java.math.BigDecimal", "java.util.UUID", "java.nio.ByteBuffer");
    }

    @Test
    void theNativeImageIncludesTheResourcesItNeeds() throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (InputStream in = NativeConfigTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("quarkus.native.resources.includes"))
                .contains("props-ops-build.properties", "libduckdb_java.so_linux_amd64");
    }
}
