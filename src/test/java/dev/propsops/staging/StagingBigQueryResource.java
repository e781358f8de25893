package dev.propsops.staging;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.propsops.testing.BigQueryStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WireMock BigQuery for the in-process CLI tests: props-ops' own client is pointed at it through
 * {@code ops.gcp.bigquery.endpoint}. It also carries a witness that, when a delete arrives, reads the restore
 * manifest on disk, so that a test can tell whether the line was written before the delete.
 */
public class StagingBigQueryResource implements QuarkusTestResourceLifecycleManager {
    static final ManifestWitness WITNESS = new ManifestWitness();
    static BigQueryStub stub;

    @Override
    public Map<String, String> start() {
        stub = new BigQueryStub(WITNESS);
        return Map.of("ops.gcp.bigquery.endpoint", stub.baseUrl(), "ops.gcp.bigquery.max-attempts", "3",
                "ops.gcp.bigquery.initial-backoff", "5ms", "ops.gcp.bigquery.max-backoff", "20ms");
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    /** What the manifest file held at the moment each delete request arrived. */
    public static final class ManifestWitness implements ServeEventListener {
        private volatile Path manifest;
        private final List<String[]> seen = new CopyOnWriteArrayList<>();

        void watch(Path file) {
            manifest = file;
            seen.clear();
        }

        /** For each DELETE, in order: {table id, the manifest's content at that moment}. */
        List<String[]> seen() {
            return seen;
        }

        @Override
        public void beforeMatch(ServeEvent event, Parameters parameters) {
            if (!event.getRequest().getMethod().getName().equals("DELETE")) {
                return;
            }
            String table = event.getRequest().getUrl().replaceAll("\\?.*", "").replaceAll(".*/tables/", "");
            String content;
            try {
                content = manifest != null && Files.exists(manifest) ? Files.readString(manifest) : "";
            } catch (IOException e) {
                content = "unreadable: " + e;
            }
            seen.add(new String[] { table, content });
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public String getName() {
            return "manifest-witness";
        }
    }
}
