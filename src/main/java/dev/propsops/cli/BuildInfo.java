package dev.propsops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version and git commit written into the build by Maven resource filtering. */
public final class BuildInfo implements IVersionProvider {
    static final String RESOURCE = "/props-ops-build.properties";

    @Override
    public String[] getVersion() {
        Properties p = load();
        String version = known(p.getProperty("version")).orElse("unknown");
        String commit = known(p.getProperty("commit")).orElse("unknown");
        return new String[] { "props-ops " + version + " (commit " + commit + ")" };
    }

    private static java.util.Optional<String> known(String value) {
        return value == null || value.isBlank() || value.startsWith("${")
                ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable build file only costs the version line its detail
        }
        return p;
    }
}
