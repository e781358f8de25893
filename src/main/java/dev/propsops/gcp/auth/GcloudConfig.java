package dev.propsops.gcp.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The project of gcloud's active configuration ({@code gcloud config set project P}), read from its files. */
public final class GcloudConfig {
    private GcloudConfig() {
    }

    public static Optional<String> project(Map<String, String> env) {
        Path dir = AdcSource.gcloudConfigDir(env);
        try {
            String active = "default";
            String fromEnv = env.get("CLOUDSDK_ACTIVE_CONFIG_NAME");
            Path activeFile = dir.resolve("active_config");
            if (fromEnv != null && !fromEnv.isBlank()) {
                active = fromEnv.trim();
            } else if (Files.isRegularFile(activeFile)) {
                active = Files.readString(activeFile).trim();
            }
            Path config = dir.resolve("configurations").resolve("config_" + active);
            return Files.isRegularFile(config) ? coreProject(Files.readAllLines(config)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable gcloud config only means gcloud names no project
        }
    }

    /** {@code project = P} in the {@code [core]} section of an INI file. */
    static Optional<String> coreProject(List<String> lines) {
        boolean core = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                core = line.equalsIgnoreCase("[core]");
            } else if (core && line.matches("project\\s*=.*")) {
                String v = line.substring(line.indexOf('=') + 1).strip();
                return v.isEmpty() ? Optional.empty() : Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
