package dev.propsops.gcp;

import com.google.api.gax.retrying.ResultRetryAlgorithm;
import com.google.api.gax.retrying.TimedAttemptSettings;
import com.google.cloud.BaseServiceException;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;
import java.util.Set;

/**
 * Which BigQuery failures are worth another try: HTTP 429 and 5xx, the 403s that BigQuery uses for rate
 * limits, and I/O errors (a reset connection). Client 2.59.0 does not retry HTTP 5xx by default, which
 * turns one bad gateway into a failed job; everything else (400, 403 access denied, 404) fails at once.
 */
final class TransientErrorRetry implements ResultRetryAlgorithm<Object> {
    private static final Set<Integer> RETRYABLE_HTTP = Set.of(429, 500, 502, 503, 504);
    private static final Set<String> RETRYABLE_REASONS = Set.of("rateLimitExceeded", "backendError", "internalError");

    /** Told of every failure worth a retry, so that a person learns the client is still trying; may be null. */
    private final SlowCallWatch watch;

    TransientErrorRetry(SlowCallWatch watch) {
        this.watch = watch;
    }

    @Override
    public TimedAttemptSettings createNextAttempt(Throwable previousThrowable, Object previousResponse,
            TimedAttemptSettings previousSettings) {
        return null; // keep the exponential backoff of the RetrySettings
    }

    @Override
    public boolean shouldRetry(Throwable previousThrowable, Object previousResponse) {
        boolean retry = isTransient(previousThrowable);
        if (retry && watch != null) {
            watch.failed(WatchingInterceptors.firstLine(previousThrowable));
        }
        return retry;
    }

    static boolean isTransient(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            // the client hands the retry algorithm the raw HTTP error, and later wraps it in a BigQueryException
            if (c instanceof BaseServiceException e && e.getCode() > 0) {
                return isTransient(e.getCode(), e.getReason());
            }
            if (c instanceof GoogleJsonResponseException e) {
                GoogleJsonError details = e.getDetails();
                String reason = details == null || details.getErrors() == null || details.getErrors().isEmpty()
                        ? null : details.getErrors().get(0).getReason();
                return isTransient(e.getStatusCode(), reason);
            }
            if (c instanceof HttpResponseException e) {
                return isTransient(e.getStatusCode(), null);
            }
            if (c instanceof IOException && !(c instanceof java.net.UnknownHostException)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(int httpStatus, String reason) {
        return RETRYABLE_HTTP.contains(httpStatus) || (reason != null && RETRYABLE_REASONS.contains(reason));
    }
}
