package dev.propsops.cli;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.BaseServiceException;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;

/**
 * Turns any failure into an {@link Explanation}: what failed, where, and how to fix it when the cause is
 * one of the common Google Cloud errors. This is the one place such translations live.
 */
public final class ErrorExplainer {
    private ErrorExplainer() {
    }

    public static Explanation explain(Throwable failure) {
        if (failure instanceof OpsException ops) {
            return new Explanation(ops.exitCode(), messageOf(ops), ops.fix());
        }
        if (failure instanceof StoreException store) {
            Cause cause = Cause.of(store.getCause());
            String message = store.operation() + " on " + store.resource() + " failed: " + cause.summary();
            return new Explanation(ExitCode.FAILED, message, cause.fix(store));
        }
        Cause cause = Cause.of(failure);
        Optional<String> fix = cause.fix(null);
        String prefix = cause.code == null && fix.isEmpty() ? "unexpected error: " : "";
        return new Explanation(ExitCode.FAILED, prefix + cause.summary(), fix);
    }

    private static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getName() : m;
    }

    private static final java.util.regex.Pattern API_HOST = java.util.regex.Pattern.compile("\\b([a-z0-9-]+\\.googleapis\\.com)\\b");
    private static final java.util.regex.Pattern QUALIFIED_PREFIX =
            java.util.regex.Pattern.compile("^(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*: ");

    /** The most telling facts found along a cause chain. */
    private static final class Cause {
        private String code;
        private String detail;
        private boolean noCredentials;
        private boolean unreachable;
        /** The API a PERMISSION_DENIED says is disabled ("" when it does not name it). */
        private String disabledApi;
        private final List<String> messages = new ArrayList<>();

        static Cause of(Throwable failure) {
            Cause c = new Cause();
            Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
                c.read(t);
            }
            return c;
        }

        private void read(Throwable t) {
            // wrappers repeat their cause as "some.pkg.SomeException: text": keep the text
            String full = t.getMessage() == null ? null : QUALIFIED_PREFIX.matcher(t.getMessage()).replaceFirst("");
            String m = full == null || full.isBlank() ? null : full.lines().findFirst().orElse(full);
            if (m != null && !m.isBlank() && messages.stream().noneMatch(prev -> prev.contains(m))) {
                messages.removeIf(m::contains);
                messages.add(m);
            }
            if (code == null) {
                if (t instanceof ApiException api) {
                    code = api.getStatusCode().getCode().name();
                } else if (t instanceof StatusRuntimeException s) {
                    code = s.getStatus().getCode().name();
                } else if (t instanceof StatusException s) {
                    code = s.getStatus().getCode().name();
                } else if (t instanceof BaseServiceException b && b.getCode() > 0) {
                    code = httpToCode(b.getCode());
                    detail = b.getReason();
                }
            }
            String lower = full == null ? "" : full.toLowerCase(Locale.ROOT);
            if (disabledApi == null && (lower.contains("service_disabled") || lower.contains("has not been used in project")
                    || lower.contains("it is disabled"))) {
                java.util.regex.Matcher api = API_HOST.matcher(full);
                disabledApi = api.find() ? api.group(1) : "";
            }
            if (lower.contains("default credentials") || lower.contains("application default credentials")
                    || lower.contains("could not load credentials") || lower.contains("invalid_grant")) {
                noCredentials = true;
            }
            if (t instanceof TimeoutException && code == null) {
                code = "DEADLINE_EXCEEDED";
            }
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException
                    || lower.contains("connection refused") || lower.contains("connection reset")
                    || lower.contains("unresolvedaddress")) {
                unreachable = true;
            }
        }

        private static String httpToCode(int http) {
            return switch (http) {
                case 400 -> "INVALID_ARGUMENT";
                case 401 -> "UNAUTHENTICATED";
                case 403 -> "PERMISSION_DENIED";
                case 404 -> "NOT_FOUND";
                case 409 -> "ALREADY_EXISTS";
                case 429 -> "RESOURCE_EXHAUSTED";
                case 500, 502, 503 -> "UNAVAILABLE";
                case 504 -> "DEADLINE_EXCEEDED";
                default -> "HTTP_" + http;
            };
        }

        String summary() {
            StringBuilder sb = new StringBuilder();
            if (code != null) {
                sb.append(code);
                if (detail != null && !detail.isBlank() && !detail.equalsIgnoreCase(code)) {
                    sb.append(" (").append(detail).append(')');
                }
            }
            for (String m : messages) {
                if (code != null && m.startsWith(code)) {
                    m = m.substring(code.length()).replaceFirst("^[:\\s]+", "");
                }
                if (m.isBlank() || sb.indexOf(m) >= 0) {
                    continue;
                }
                sb.append(sb.length() > 0 ? ": " : "").append(m);
            }
            return sb.length() > 0 ? sb.toString() : "no detail was given by the client library";
        }

        Optional<String> fix(StoreException store) {
            if (noCredentials || "UNAUTHENTICATED".equals(code)) {
                return Optional.of("no usable Google credentials: run `gcloud auth application-default login` "
                        + "(on Cloud Run, check the job's service account)");
            }
            if (unreachable || "UNAVAILABLE".equals(code) || "DEADLINE_EXCEEDED".equals(code)) {
                return Optional.of("the service could not be reached: check the network, and if you meant a local "
                        + "emulator, that it is running and FIRESTORE_EMULATOR_HOST points at it");
            }
            if (disabledApi != null) {
                return Optional.of("the API is not enabled in this project: `gcloud services enable "
                        + (disabledApi.isEmpty() ? "<api>.googleapis.com" : disabledApi) + "` (needs roles/serviceusage.serviceUsageAdmin)");
            }
            if ("PERMISSION_DENIED".equals(code)) {
                Optional<String> role = store == null ? Optional.empty() : store.neededRole();
                return Optional.of(role.map(r -> "grant the caller (your user, or the job's service account) the IAM role " + r)
                        .orElse("the caller lacks an IAM permission: see the IAM roles per job in the README"));
            }
            if ("NOT_FOUND".equals(code)) {
                return Optional.of("check the project id (--project or GOOGLE_CLOUD_PROJECT) and the database or "
                        + "dataset name in the configuration");
            }
            if ("RESOURCE_EXHAUSTED".equals(code)) {
                return Optional.of("quota or rate limit reached: lower --max-ops-per-second or retry later");
            }
            return Optional.empty();
        }
    }
}
