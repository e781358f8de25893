package dev.propsops.heartbeat;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.firestore.FirestoreException;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** The gRPC status code behind a Firestore failure, wherever the client library put it. */
public final class FirestoreErrors {
    /** Worth another try after a pause. */
    private static final Set<String> TRANSIENT = Set.of("UNAVAILABLE", "ABORTED", "DEADLINE_EXCEEDED", "RESOURCE_EXHAUSTED");

    private FirestoreErrors() {
    }

    public static Optional<String> code(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return Optional.of(api.getStatusCode().getCode().name());
            }
            if (t instanceof FirestoreException f && f.getStatus() != null) {
                return Optional.of(f.getStatus().getCode().name());
            }
            if (t instanceof StatusRuntimeException s) {
                return Optional.of(s.getStatus().getCode().name());
            }
            if (t instanceof StatusException s) {
                return Optional.of(s.getStatus().getCode().name());
            }
        }
        return Optional.empty();
    }

    public static boolean isTransient(Throwable failure) {
        return code(failure).map(TRANSIENT::contains).orElse(false);
    }

    /** The write's precondition did not hold: the doc changed or vanished since it was read. Not an error. */
    public static boolean isPreconditionFailure(Throwable failure) {
        return code(failure).map(c -> c.equals("FAILED_PRECONDITION") || c.equals("NOT_FOUND")).orElse(false);
    }

    public static boolean isAlreadyExists(Throwable failure) {
        return code(failure).map("ALREADY_EXISTS"::equals).orElse(false);
    }

    /** The cause of a failed future. */
    public static Throwable unwrap(Throwable t) {
        return t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t;
    }
}
