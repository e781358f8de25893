package dev.propsops.drift.bigquery;

import dev.propsops.testing.BigQueryStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the app's BigQuery client at a WireMock {@link BigQueryStub} for the test class that asks for it. */
public class BigQueryStubResource implements QuarkusTestResourceLifecycleManager {
    static BigQueryStub stub;

    @Override
    public Map<String, String> start() {
        stub = new BigQueryStub();
        return Map.of("ops.gcp.bigquery.endpoint", stub.baseUrl(), "ops.gcp.bigquery.max-attempts", "2");
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
            stub = null;
        }
    }
}
