package dev.propsops.gcp;

import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
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
import io.grpc.ManagedChannelBuilder;
import java.util.List;
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
    /**
     * No credentials that are not {@code NoCredentials}: given those, the Firestore client builds a channel
     * of its own for a plain-text host and skips ours, and with it the watch; real credentials, on the other
     * hand, gRPC refuses to send in plain text.
     */
    private static final com.google.auth.Credentials NO_METADATA = new com.google.auth.Credentials() {
        @Override
        public String getAuthenticationType() {
            return "none";
        }

        @Override
        public java.util.Map<String, List<String>> getRequestMetadata(URI uri) {
            return java.util.Map.of();
        }

        @Override
        public boolean hasRequestMetadata() {
            return false;
        }

        @Override
        public boolean hasRequestMetadataOnly() {
            return true;
        }

        @Override
        public void refresh() {
        }
    };
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

    /** A client of an emulator (FIRESTORE_EMULATOR_HOST or ours): no credentials. */
    public static Firestore connect(FirestoreTarget target, FirestoreSettings settings) {
        if (target.emulatorHost().isEmpty()) {
            throw new IllegalArgumentException("production Firestore needs the run's access: connect(target, settings, access)");
        }
        target.emulatorHost().ifPresent(FirestoreConnector::checkEmulatorAnswers);
        return baseOptions(target, settings).setEmulatorHost(target.emulatorHost().get()).build().getService();
    }

    /**
     * A client of the target, production or emulator: in production with the run's credentials (resolved
     * and checked now, before the first call), its endpoint and a watch that reports calls still retrying.
     */
    public static Firestore connect(FirestoreTarget target, FirestoreSettings settings, GcpAccess access) {
        if (target.onEmulator()) {
            return connect(target, settings);
        }
        Endpoint endpoint = access.endpoint(GoogleApi.FIRESTORE);
        InstantiatingGrpcChannelProvider.Builder channel = FirestoreOptions.getDefaultTransportChannelProviderBuilder()
                .setInterceptorProvider(() -> List.of(WatchingInterceptors.grpc(access.watch(GoogleApi.FIRESTORE))));
        if (endpoint.overridden()) {
            channel.setEndpoint(endpoint.hostPort());
        }
        if (endpoint.plaintext()) {
            channel.setChannelConfigurator(ManagedChannelBuilder::usePlaintext);
        }
        FirestoreOptions.Builder options = baseOptions(target, settings)
                // a stand-in gets the emulator's token: with NoCredentials the client would build its own
                // channel and skip ours (and with it the watch)
                .setCredentials(endpoint.plaintext() ? NO_METADATA : access.credentials(GoogleApi.FIRESTORE))
                .setChannelProvider(channel.build());
        if (endpoint.overridden()) {
            options.setHost(endpoint.hostPort()); // the client's endpoint wins over its channel provider's
        }
        return options.build().getService();
    }

    private static FirestoreOptions.Builder baseOptions(FirestoreTarget target, FirestoreSettings settings) {
        return FirestoreOptions.newBuilder()
                .setProjectId(target.projectId())
                .setDatabaseId(target.databaseId())
                .setRetrySettings(retrySettings(settings));
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
