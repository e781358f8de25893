package dev.propsops.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * WireMock standing in for the Cloud Run Admin API (run.googleapis.com, REST) for the test class that asks
 * for it: {@code @QuarkusTestResource(value = CloudRunStandIn.class, restrictToAnnotatedClass = true)}; the
 * real gapic clients reach it through {@code ops.gcp.run.endpoint}.
 */
public class CloudRunStandIn implements QuarkusTestResourceLifecycleManager {
    private static WireMockServer server;

    /** The running stand-in of the current test class. */
    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of("ops.gcp.run.endpoint", "http://127.0.0.1:" + server.port(), "ops.gcp.run.timeout", "5s");
    }

    @Override
    public void stop() {
        server.stop();
    }
}
