package dev.propsops.gcp;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.httpjson.InstantiatingHttpJsonChannelProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ClientSettings;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.auth.Credentials;
import com.google.cloud.NoCredentials;
import dev.propsops.cli.Invocation;
import dev.propsops.gcp.auth.RunCredentials;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one run reaches Google Cloud: its project, its credentials (resolved once, before the first call,
 * see {@link RunCredentials}), and for every API its endpoint ({@code ops.gcp.<api>.endpoint}), its call
 * deadline and a {@link SlowCallWatch}. Feature adapters build their clients through {@link #configure},
 * so every client of every job gets the same endpoints, credentials and notices.
 */
public final class GcpAccess implements AutoCloseable {
    private final Optional<String> projectFlag;
    private final GcpConfig config;
    private final Invocation invocation;
    private final Map<GoogleApi, SlowCallWatch> watches = new EnumMap<>(GoogleApi.class);
    private String project;

    private GcpAccess(Optional<String> projectFlag, GcpConfig config, Invocation invocation) {
        this.projectFlag = projectFlag;
        this.config = config;
        this.invocation = invocation;
    }

    /** The run's access; released when the run ends. */
    public static GcpAccess of(Optional<String> projectFlag, GcpConfig config, Invocation invocation) {
        return invocation.closeAtEnd(new GcpAccess(projectFlag, config, invocation));
    }

    /** The project of the run: {@code --project}, environment, configuration, credentials, gcloud (see {@link ProjectResolver}). */
    public synchronized String projectId() {
        if (project == null) {
            project = ProjectResolver.resolve(projectFlag, config.project(), invocation, false);
        }
        return project;
    }

    public Endpoint endpoint(GoogleApi api) {
        return config.endpoint(api);
    }

    public Duration timeout(GoogleApi api) {
        return config.timeout(api);
    }

    public Invocation invocation() {
        return invocation;
    }

    public GcpConfig config() {
        return config;
    }

    /** The credentials for one API: none for a plain-text local stand-in, else the run's verified ones. */
    public Credentials credentials(GoogleApi api) {
        return endpoint(api).plaintext() ? NoCredentials.getInstance() : RunCredentials.of(invocation).verified();
    }

    public CredentialsProvider credentialsProvider(GoogleApi api) {
        return endpoint(api).plaintext() ? NoCredentialsProvider.create() : FixedCredentialsProvider.create(credentials(api));
    }

    /** The watch that tells a person when calls to this API hang or keep failing. */
    public synchronized SlowCallWatch watch(GoogleApi api) {
        return watches.computeIfAbsent(api, a -> SlowCallWatch.start(endpoint(a).hostPort(), timeout(a),
                GcpConfig.timeoutKey(a), invocation.log()));
    }

    /**
     * Points a gapic client's settings builder (gRPC, or HttpJson from {@code newHttpJsonBuilder()}) at this
     * run's endpoint and credentials, and feeds its calls to the API's watch. Credentials are resolved
     * here, before the client exists.
     */
    public <S extends ClientSettings<S>, B extends ClientSettings.Builder<S, B>> B configure(GoogleApi api, B builder) {
        Endpoint endpoint = endpoint(api);
        builder.setCredentialsProvider(credentialsProvider(api));
        TransportChannelProvider transport = builder.getTransportChannelProvider();
        SlowCallWatch watch = watch(api);
        if (transport instanceof InstantiatingGrpcChannelProvider grpc) {
            InstantiatingGrpcChannelProvider.Builder b = grpc.toBuilder()
                    .setInterceptorProvider(() -> List.of(WatchingInterceptors.grpc(watch)));
            if (endpoint.overridden()) {
                b.setEndpoint(endpoint.hostPort());
                builder.setEndpoint(endpoint.hostPort());
            }
            if (endpoint.plaintext()) {
                b.setChannelConfigurator(ManagedChannelBuilder::usePlaintext);
            }
            builder.setTransportChannelProvider(b.build());
        } else if (transport instanceof InstantiatingHttpJsonChannelProvider http) {
            InstantiatingHttpJsonChannelProvider.Builder b = http.toBuilder()
                    .setInterceptorProvider(() -> List.of(WatchingInterceptors.httpJson(watch)));
            if (endpoint.overridden()) {
                b.setEndpoint(endpoint.url());
                builder.setEndpoint(endpoint.url());
            }
            builder.setTransportChannelProvider(b.build());
        } else if (endpoint.overridden()) {
            builder.setEndpoint(endpoint.api().transport() == GoogleApi.Transport.GRPC ? endpoint.hostPort() : endpoint.url());
        }
        return builder;
    }

    /**
     * Retry timing for every unary method of a gapic client: the call's deadline from
     * {@code ops.gcp.<api>.timeout}, exponential backoff between attempts. Apply with
     * {@code settings.applyToAllUnaryMethods(m -> { m.setRetrySettings(access.retrySettings(api)); return null; })}.
     */
    public RetrySettings retrySettings(GoogleApi api) {
        java.time.Duration total = timeout(api);
        return RetrySettings.newBuilder()
                .setTotalTimeoutDuration(total)
                .setInitialRetryDelayDuration(Duration.ofMillis(250))
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(Duration.ofSeconds(8))
                .setInitialRpcTimeoutDuration(total)
                .setRpcTimeoutMultiplier(1.0)
                .setMaxRpcTimeoutDuration(total)
                .build();
    }

    @Override
    public synchronized void close() {
        watches.values().forEach(SlowCallWatch::close);
        watches.clear();
    }
}
