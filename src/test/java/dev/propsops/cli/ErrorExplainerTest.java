package dev.propsops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiExceptionFactory;
import io.grpc.Status;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ErrorExplainerTest {
    private static final String RESOURCE = "Firestore (project nba-props-platform, database (default))";

    private static StoreException store(Throwable cause) {
        return new StoreException("write heartbeat 'p' to processor_heartbeats", RESOURCE, "roles/datastore.user", cause);
    }

    @Test
    void permissionDeniedNamesTheRole() {
        Explanation e = ErrorExplainer.explain(store(Status.PERMISSION_DENIED
                .withDescription("Missing or insufficient permissions.").asRuntimeException()));
        assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(e.message()).contains("write heartbeat 'p'", RESOURCE, "PERMISSION_DENIED", "insufficient permissions");
        assertThat(e.fix()).hasValueSatisfying(f -> assertThat(f).contains("roles/datastore.user"));
    }

    @Test
    void gaxApiExceptionsAreReadThroughExecutionExceptions() {
        var api = ApiExceptionFactory.createException("database not found", null,
                GrpcStatusCode.of(Status.Code.NOT_FOUND), false);
        Explanation e = ErrorExplainer.explain(store(new ExecutionException(api)));
        assertThat(e.message()).contains("NOT_FOUND", "database not found");
        assertThat(e.fix()).hasValueSatisfying(f -> assertThat(f).contains("project id", "database"));
    }

    @Test
    void aDisabledApiSaysHowToEnableIt() {
        Explanation e = ErrorExplainer.explain(store(Status.PERMISSION_DENIED.withDescription("Cloud Run Admin API has not "
                + "been used in project 123456789 before or it is disabled. Enable it by visiting "
                + "https://console.developers.google.com/apis/api/run.googleapis.com/overview?project=123456789")
                .asRuntimeException()));
        assertThat(e.fix()).hasValueSatisfying(f -> assertThat(f).contains("gcloud services enable run.googleapis.com"));
    }

    @Test
    void wrappersThatRepeatTheirCauseAreSaidOnce() {
        var api = ApiExceptionFactory.createException(Status.UNAVAILABLE.withDescription("Unable to resolve host x")
                .asRuntimeException(), GrpcStatusCode.of(Status.Code.UNAVAILABLE), true);
        Explanation e = ErrorExplainer.explain(store(api));
        assertThat(e.message()).endsWith("failed: UNAVAILABLE: Unable to resolve host x").doesNotContain("io.grpc");
    }

    @Test
    void unavailableSuggestsTheNetworkOrTheEmulatorHost() {
        Explanation e = ErrorExplainer.explain(store(Status.UNAVAILABLE.withDescription("io exception").asRuntimeException()));
        assertThat(e.fix()).hasValueSatisfying(f -> assertThat(f).contains("network", "FIRESTORE_EMULATOR_HOST"));
    }

    @Test
    void aResetConnectionPointsAtTheNetwork() {
        Explanation e = ErrorExplainer.explain(store(new java.net.SocketException("Connection reset")));
        assertThat(e.message()).contains("Connection reset");
        assertThat(e.fix()).hasValueSatisfying(f -> assertThat(f).contains("network"));
    }

    @Test
    void missingCredentialsSuggestTheLogin() {
        Explanation e = ErrorExplainer.explain(store(new IOException(
                "Your default credentials were not found. To set up Application Default Credentials, see ...")));
        assertThat(e.fix()).hasValueSatisfying(f -> assertThat(f).contains("gcloud auth application-default login"));
    }

    @Test
    void anErrorWithoutAnyMessageIsStillNeverEmpty() {
        Explanation e = ErrorExplainer.explain(new NullPointerException());
        assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(e.message()).startsWith("unexpected error: ").hasSizeGreaterThan("unexpected error: ".length());
        Explanation s = ErrorExplainer.explain(store(new RuntimeException()));
        assertThat(s.message()).contains("write heartbeat 'p'", RESOURCE, "failed: ");
        assertThat(s.message().substring(s.message().indexOf("failed: ") + 8)).isNotBlank();
    }

    @Test
    void opsExceptionsKeepTheirExitCodeAndFix() {
        Explanation e = ErrorExplainer.explain(OpsException.usage("bad flag", "use --good"));
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.message()).isEqualTo("bad flag");
        assertThat(e.fix()).contains("use --good");
    }
}
