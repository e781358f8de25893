package dev.propsops.gcp;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the Google Cloud SDK's Firestore emulator jar and a java to run it. We start the jar directly,
 * not the SDK's {@code cloud_firestore_emulator} wrapper, because the wrapper does not exec: killing it
 * leaves the emulator's JVM running.
 */
public final class EmulatorLocator {
    /** Points straight at the emulator jar; overrides the search. */
    public static final String JAR_ENV = "PROPS_OPS_FIRESTORE_EMULATOR_JAR";
    static final String JAR_IN_SDK = "platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";
    static final List<String> USUAL_SDK_ROOTS = List.of(
            "/usr/lib/google-cloud-sdk", "/usr/share/google-cloud-sdk", "/opt/google-cloud-sdk",
            "/usr/local/google-cloud-sdk", "/snap/google-cloud-cli/current");
    static final String INSTALL_HINT = "install it with `gcloud components install cloud-firestore-emulator`, or on "
            + "Debian/Ubuntu `apt-get install google-cloud-cli-firestore-emulator` (Google's apt repository); "
            + "or point " + JAR_ENV + " at cloud-firestore-emulator.jar";

    private final Map<String, String> env;
    private final List<Path> sdkRoots;

    EmulatorLocator(Map<String, String> env, List<Path> sdkRoots) {
        this.env = env;
        this.sdkRoots = sdkRoots;
    }

    /** Searches $PROPS_OPS_FIRESTORE_EMULATOR_JAR, $CLOUDSDK_ROOT_DIR, the SDK of `gcloud` on PATH, the usual places. */
    public static EmulatorLocator forEnvironment(Map<String, String> env) {
        Set<Path> roots = new LinkedHashSet<>();
        Optional.ofNullable(env.get("CLOUDSDK_ROOT_DIR")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(roots::add);
        gcloudOnPath(env).ifPresent(roots::add);
        Optional.ofNullable(env.get("HOME")).map(h -> Path.of(h, "google-cloud-sdk")).ifPresent(roots::add);
        USUAL_SDK_ROOTS.forEach(r -> roots.add(Path.of(r)));
        return new EmulatorLocator(env, new ArrayList<>(roots));
    }

    /** The emulator jar, or an error (exit 1) that says how to install it. */
    public Path emulatorJar() {
        String explicit = env.get(JAR_ENV);
        if (explicit != null && !explicit.isBlank()) {
            Path jar = Path.of(explicit);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            throw new OpsException(ExitCode.FAILED, "the Firestore emulator is not installed: " + JAR_ENV + "="
                    + explicit + " is not a file", INSTALL_HINT);
        }
        for (Path root : sdkRoots) {
            Path jar = root.resolve(JAR_IN_SDK);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new OpsException(ExitCode.FAILED, "the Firestore emulator is not installed (looked for " + JAR_IN_SDK
                + " under " + sdkRoots + ")", INSTALL_HINT);
    }

    /** A java to run the emulator with: $JAVA_HOME, this JVM's own, else `java` on PATH. */
    public Path java() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(env.get("JAVA_HOME")).filter(s -> !s.isBlank()).map(h -> Path.of(h, "bin", "java")).ifPresent(candidates::add);
        Optional.ofNullable(System.getProperty("java.home")).map(h -> Path.of(h, "bin", "java")).ifPresent(candidates::add);
        onPath(env, "java").ifPresent(candidates::add);
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new OpsException(
                ExitCode.FAILED, "no java found to run the Firestore emulator (looked at $JAVA_HOME and PATH)",
                "install a Java 17+ runtime, or set JAVA_HOME"));
    }

    private static Optional<Path> gcloudOnPath(Map<String, String> env) {
        return onPath(env, "gcloud").flatMap(gcloud -> {
            try {
                // <sdk>/bin/gcloud, usually reached through a symlink such as /usr/bin/gcloud
                Path real = gcloud.toRealPath();
                return Optional.ofNullable(real.getParent()).map(Path::getParent);
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<Path> onPath(Map<String, String> env, String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
