package dev.propsops.gcp.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where this run's Application Default Credentials come from, found the way Google's libraries look, but
 * in the run's own environment (so that tests and scripts control it): the file named by
 * GOOGLE_APPLICATION_CREDENTIALS, else gcloud's ADC file, else the metadata server of a Google Cloud
 * machine (Cloud Run, GCE). Looking costs no network call.
 */
public sealed interface AdcSource {
    String GAC_ENV = "GOOGLE_APPLICATION_CREDENTIALS";

    /** How error messages name the source. */
    String describe();

    /** A key or ADC file. */
    record File(Path path, boolean fromEnv) implements AdcSource {
        @Override
        public String describe() {
            return fromEnv ? GAC_ENV + "=" + path : "gcloud's ADC file " + path;
        }
    }

    /** The metadata server of the Google Cloud machine this runs on. */
    record MetadataServer(String why) implements AdcSource {
        @Override
        public String describe() {
            return "the metadata server (" + why + ")";
        }
    }

    /** Nothing found. */
    record None(Path lookedAt) implements AdcSource {
        @Override
        public String describe() {
            return "no Application Default Credentials";
        }
    }

    static AdcSource locate(Map<String, String> env) {
        String gac = env.get(GAC_ENV);
        if (gac != null && !gac.isBlank()) {
            return new File(Path.of(gac.trim()), true);
        }
        Path wellKnown = wellKnownFile(env);
        if (Files.isRegularFile(wellKnown)) {
            return new File(wellKnown, false);
        }
        return onGoogleCloud(env).<AdcSource>map(MetadataServer::new).orElse(new None(wellKnown));
    }

    /** gcloud's ADC file: $CLOUDSDK_CONFIG/application_default_credentials.json, else under ~/.config/gcloud. */
    static Path wellKnownFile(Map<String, String> env) {
        return gcloudConfigDir(env).resolve("application_default_credentials.json");
    }

    static Path gcloudConfigDir(Map<String, String> env) {
        String sdkConfig = env.get("CLOUDSDK_CONFIG");
        if (sdkConfig != null && !sdkConfig.isBlank()) {
            return Path.of(sdkConfig.trim());
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home", "")), ".config", "gcloud");
    }

    /**
     * Why this looks like a Google Cloud machine, if it does: Cloud Run sets K_SERVICE or CLOUD_RUN_JOB; a
     * metadata host may be named explicitly; GCE says so in its DMI product name. (Google's library also
     * pings the metadata server, which without a network costs seconds; we do not.)
     */
    static Optional<String> onGoogleCloud(Map<String, String> env) {
        for (String name : new String[] { "CLOUD_RUN_JOB", "K_SERVICE", "GCE_METADATA_HOST" }) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(name + " is set");
            }
        }
        try {
            Path dmi = Path.of("/sys/class/dmi/id/product_name");
            if (Files.isReadable(dmi) && Files.readString(dmi).toLowerCase(Locale.ROOT).contains("google")) {
                return Optional.of("a Google Compute Engine machine");
            }
        } catch (IOException | RuntimeException e) {
            // not readable: not evidence of anything
        }
        return Optional.empty();
    }
}
