package dev.propsops.gcp.auth;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.ComputeEngineCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.OpsException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Google credentials of one run, resolved once, before the first API call, and checked by getting
 * an access token: a missing or broken key file, no credentials at all, or a refresh the token server
 * refuses each end the run within seconds with its own message and fix, instead of surfacing later as a
 * client library's retries, stack traces or NullPointerException. Runs on an emulator or against a
 * local stand-in never ask for credentials.
 */
public final class RunCredentials {
    static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    static final Duration DEFAULT_TOKEN_TIMEOUT = Duration.ofSeconds(4);
    private static final Map<Invocation, RunCredentials> BY_RUN = new WeakHashMap<>();
    private static final HttpTransportFactory TRANSPORT = NetHttpTransport::new;

    private final Map<String, String> env;
    private final Duration tokenTimeout;
    private AdcSource source;
    private Optional<CredentialsFile> file;
    private GoogleCredentials verified;

    RunCredentials(Map<String, String> env, Duration tokenTimeout) {
        this.env = env;
        this.tokenTimeout = tokenTimeout;
    }

    /** The credentials of this run: one resolution however many clients ask. */
    public static RunCredentials of(Invocation invocation) {
        synchronized (BY_RUN) {
            return BY_RUN.computeIfAbsent(invocation, i -> new RunCredentials(i.env(), DEFAULT_TOKEN_TIMEOUT));
        }
    }

    /** Where they come from (no network). */
    public synchronized AdcSource source() {
        if (source == null) {
            source = AdcSource.locate(env);
        }
        return source;
    }

    /**
     * The project the credentials file names, if any (no network). A broken file is reported here, with
     * its own message, rather than as a missing project.
     */
    public synchronized Optional<String> projectId() {
        return file().flatMap(CredentialsFile::projectId);
    }

    /**
     * Credentials that have just produced an access token. Throws (exit 1) with what is wrong and its fix
     * when there are none, the file is broken, the token server refuses them or cannot be reached.
     */
    public synchronized GoogleCredentials verified() {
        if (verified != null) {
            return verified;
        }
        AdcSource src = source();
        GoogleCredentials credentials;
        if (src instanceof AdcSource.File) {
            credentials = file().orElseThrow().load(TRANSPORT);
        } else if (src instanceof AdcSource.MetadataServer) {
            credentials = ComputeEngineCredentials.newBuilder().setHttpTransportFactory(TRANSPORT).build();
        } else {
            AdcSource.None none = (AdcSource.None) src;
            throw new OpsException(ExitCode.FAILED, "no Application Default Credentials: "
                    + AdcSource.GAC_ENV + " is not set, there is no " + none.lookedAt()
                    + ", and this is not a Google Cloud machine",
                    "run `gcloud auth application-default login` (or set " + AdcSource.GAC_ENV
                            + " to a service-account key file); to try a job without Google Cloud, use --emulator "
                            + "or a local source where the job offers one");
        }
        if (credentials.createScopedRequired()) {
            credentials = credentials.createScoped(CLOUD_PLATFORM_SCOPE);
        }
        refresh(credentials, src);
        verified = credentials;
        return verified;
    }

    private Optional<CredentialsFile> file() {
        if (file == null) {
            file = source() instanceof AdcSource.File f ? Optional.of(CredentialsFile.read(f)) : Optional.empty();
        }
        return file;
    }

    /** Gets a token within the timeout, on a daemon thread so that a hung connection cannot hold the run. */
    private void refresh(GoogleCredentials credentials, AdcSource src) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            credentials.refresh();
            return null;
        });
        Thread t = new Thread(task, "props-ops-token-refresh");
        t.setDaemon(true);
        t.start();
        try {
            task.get(tokenTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new OpsException(ExitCode.FAILED, "getting an access token with " + src.describe()
                    + " got no answer within " + tokenTimeout.toSeconds() + "s", NETWORK_FIX, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException(ExitCode.FAILED, "interrupted while getting an access token", null, e);
        } catch (ExecutionException e) {
            throw refreshFailed(e.getCause(), src);
        }
    }

    private static final String NETWORK_FIX = "check the network connection (and any proxy or firewall) to "
            + "oauth2.googleapis.com; on Cloud Run, the metadata server";

    static OpsException refreshFailed(Throwable cause, AdcSource src) {
        String text = messages(cause);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("invalid_grant")) {
            return new OpsException(ExitCode.FAILED, "the token server refused the credentials of " + src.describe()
                    + " (invalid_grant: " + detail(text) + ")",
                    src instanceof AdcSource.File f && !f.fromEnv()
                            ? "run `gcloud auth application-default login` again: the refresh token expired or was revoked"
                            : "run `gcloud auth application-default login`, or check that the service-account key still "
                                    + "exists and is enabled (`gcloud iam service-accounts keys list`)", cause);
        }
        if (lower.contains("invalid_client") || lower.contains("unauthorized_client")) {
            return new OpsException(ExitCode.FAILED, "the token server does not know the client of " + src.describe()
                    + " (" + detail(text) + ")", "create a new key or run `gcloud auth application-default login`", cause);
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException || c instanceof ConnectException || c instanceof NoRouteToHostException
                    || c instanceof SocketTimeoutException) {
                return new OpsException(ExitCode.FAILED, "could not reach the token server to get an access token with "
                        + src.describe() + ": " + c.getClass().getSimpleName() + (c.getMessage() == null ? "" : " " + c.getMessage()),
                        NETWORK_FIX, cause);
            }
        }
        return new OpsException(ExitCode.FAILED, "getting an access token with " + src.describe() + " failed: " + text,
                cause instanceof IOException ? NETWORK_FIX : null, cause);
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null && sb.length() < 2000; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.isBlank() && sb.indexOf(m) < 0) {
                sb.append(sb.length() == 0 ? "" : ": ").append(m.strip());
            }
        }
        return sb.length() == 0 ? t.getClass().getSimpleName() : sb.toString();
    }

    /** The token server's own words, on one line and short. */
    private static String detail(String text) {
        String one = text.replaceAll("\\s+", " ");
        int i = one.indexOf("\"error_description\"");
        if (i >= 0) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"error_description\"\\s*:\\s*\"([^\"]*)\"").matcher(one);
            if (m.find()) {
                return m.group(1);
            }
        }
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}
