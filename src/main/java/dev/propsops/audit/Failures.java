package dev.propsops.audit;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.BaseServiceException;
import io.grpc.StatusRuntimeException;
import java.util.Locale;

/** What kind of failure a client library's exception is, looked for along its cause chain. */
public final class Failures {
    private Failures() {
    }

    public static boolean permissionDenied(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException a && a.getStatusCode().getCode() == StatusCode.Code.PERMISSION_DENIED
                    || t instanceof StatusRuntimeException s && s.getStatus().getCode() == io.grpc.Status.Code.PERMISSION_DENIED
                    || t instanceof BaseServiceException b && b.getCode() == 403) {
                return true;
            }
        }
        return false;
    }

    /** A PERMISSION_DENIED that says the API is not enabled in the project. */
    public static boolean apiDisabled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("service_disabled") || m.contains("has not been used in project") || m.contains("it is disabled")) {
                return true;
            }
        }
        return false;
    }
}
