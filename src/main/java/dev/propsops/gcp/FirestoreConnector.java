package dev.propsops.gcp;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.OpsException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds Firestore clients: production with Application Default Credentials, or the emulator named by
 * FIRESTORE_EMULATOR_HOST (as Google's own client does) or by a launcher of ours. The client is handed to
 * the stores by constructor; nothing looks it up globally.
 */
public final class FirestoreConnector {
    public static final String EMULATOR_HOST_ENV = "FIRESTORE_EMULATOR_HOST";
    private static final String EMULATOR_FIX = "start the emulator (`gcloud emulators firestore start "
            + "--host-port=127.0.0.1:8080`), correct FIRESTORE_EMULATOR_HOST, or unset it to use production Firestore";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private FirestoreConnector() {
    }

    /** The target of this run: the emulator when FIRESTORE_EMULATOR_HOST is set, production otherwise. */
    public static FirestoreTarget target(Optional<String> projectFlag, Optional<String> configuredProject,
            FirestoreSettings settings, Invocation invocation) {
        Optional<String> emulator = invocation.env(EMULATOR_HOST_ENV);
        String project = ProjectResolver.resolve(projectFlag, configuredProject, invocation, emulator.isPresent());
        return new FirestoreTarget(project, settings.database(), emulator);
    }

    public static Firestore connect(FirestoreTarget target, FirestoreSettings settings) {
        target.emulatorHost().ifPresent(FirestoreConnector::checkEmulatorAnswers);
        FirestoreOptions.Builder builder = FirestoreOptions.newBuilder()
                .setProjectId(target.projectId())
                .setDatabaseId(target.databaseId())
                .setRetrySettings(retrySettings(settings));
        target.emulatorHost().ifPresent(builder::setEmulatorHost);
        return builder.build().getService();
    }

    /**
     * An emulator that is not there is refused in milliseconds instead of after the client's retries: the
     * usual cause is a stale FIRESTORE_EMULATOR_HOST, and the message says so.
     */
    static void checkEmulatorAnswers(String hostPort) {
        URI uri;
        try {
            uri = URI.create("http://" + hostPort + "/");
        } catch (IllegalArgumentException e) {
            throw OpsException.usage("FIRESTORE_EMULATOR_HOST='" + hostPort + "' is not a host:port",
                    "set it like 127.0.0.1:8080, or unset it to use production Firestore");
        }
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new OpsException(ExitCode.FAILED, "the service at " + hostPort
                        + " (FIRESTORE_EMULATOR_HOST) answered HTTP " + r.statusCode() + ", not like a Firestore emulator", EMULATOR_FIX);
            }
        } catch (IOException e) {
            String why = e instanceof java.net.ConnectException ? "connection refused"
                    : e instanceof java.net.http.HttpTimeoutException ? "no answer within 5s"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new OpsException(ExitCode.FAILED, "no Firestore emulator answers at " + hostPort
                    + " (FIRESTORE_EMULATOR_HOST): " + why, EMULATOR_FIX, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException(ExitCode.FAILED, "interrupted while reaching the emulator at " + hostPort, null, e);
        }
    }

    static RetrySettings retrySettings(FirestoreSettings settings) {
        org.threeten.bp.Duration total = org.threeten.bp.Duration.ofMillis(settings.rpcTimeout().toMillis());
        return RetrySettings.newBuilder()
                .setTotalTimeout(total)
                .setInitialRetryDelay(org.threeten.bp.Duration.ofMillis(100))
                .setRetryDelayMultiplier(1.5)
                .setMaxRetryDelay(org.threeten.bp.Duration.ofSeconds(5))
                .setInitialRpcTimeout(total)
                .setRpcTimeoutMultiplier(1.0)
                .setMaxRpcTimeout(total)
                .setMaxAttempts(0)
                .build();
    }
}
