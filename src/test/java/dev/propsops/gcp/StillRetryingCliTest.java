package dev.propsops.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.cli.ExitCode;
import dev.propsops.testing.CliDriver;
import dev.propsops.testing.GrpcStandIn;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A Firestore that keeps answering UNAVAILABLE (a gRPC stand-in reached through ops.gcp.firestore.endpoint):
 * after 5 seconds the job says on stderr that it is still trying, which host, which error and when it gives
 * up; then it fails with exit 1 at the configured deadline.
 */
@QuarkusTest
@QuarkusTestResource(value = StillRetryingCliTest.DownFirestore.class, restrictToAnnotatedClass = true)
class StillRetryingCliTest {
    @Inject
    CommandLine.IFactory factory;

    @Test
    void aFirestoreThatKeepsFailingIsAnnouncedThenGivenUpOn() {
        long t0 = System.nanoTime();
        CliDriver.Result r = new CliDriver(factory).run("heartbeat-monitor", "--project", "nba-props-platform");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).as(r.toString())
                .contains("warning: still trying 127.0.0.1:" + DownFirestore.server.port() + ": failing for",
                        "UNAVAILABLE: maintenance", "gives up in about", "(ops.gcp.firestore.rpc-timeout=15s)")
                .contains("error: ", "UNAVAILABLE");
        assertThat(r.err().indexOf("still trying")).isLessThan(r.err().indexOf("error: "));
        assertThat(seconds).as(r.toString()).isLessThan(40);
        assertThat(DownFirestore.server.calls()).anyMatch(m -> m.startsWith("google.firestore.v1.Firestore/"));
    }

    public static class DownFirestore implements QuarkusTestResourceLifecycleManager {
        static GrpcStandIn server;

        @Override
        public Map<String, String> start() {
            server = new GrpcStandIn().answerUnknownMethodsWith(Status.UNAVAILABLE.withDescription("maintenance"));
            return Map.of("ops.gcp.firestore.endpoint", server.endpoint(), "ops.gcp.firestore.rpc-timeout", "15s");
        }

        @Override
        public void stop() {
            server.close();
        }
    }
}
