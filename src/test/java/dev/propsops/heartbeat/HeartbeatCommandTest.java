package dev.propsops.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.gcp.FirestoreEmulator;
import dev.propsops.testing.CliDriver;
import dev.propsops.testing.EmulatorClients;
import dev.propsops.testing.FirestoreEmulatorExtension;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

@QuarkusTest
@ExtendWith(FirestoreEmulatorExtension.class)
class HeartbeatCommandTest {
    @Inject
    CommandLine.IFactory factory;

    @Test
    void writesOneDocPerProcessorThroughTheCli(FirestoreEmulator emulator) throws Exception {
        CliDriver cli = new CliDriver(factory).env("FIRESTORE_EMULATOR_HOST", emulator.hostPort());
        CliDriver.Result first = cli.run("heartbeat", "--processor", "nba-phase2-raw-processors", "--status", "running",
                "--run-id", "run-1", "--data-date", "2026-02-01", "--expected-interval", "26h", "--message", "started");
        CliDriver.Result second = cli.run("heartbeat", "--processor", "nba-phase2-raw-processors", "--status", "completed",
                "--run-id", "run-1", "--data-date", "2026-02-01", "--output", "json");

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).contains("nba-phase2-raw-processors", "new run started", "processor_heartbeats/nba-phase2-raw-processors");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.OK);
        JsonNode json = Json.mapper().readTree(second.out());
        assertThat(json.path("path").asText()).isEqualTo("processor_heartbeats/nba-phase2-raw-processors");
        assertThat(json.path("new_run").asBoolean()).isFalse();

        try (Firestore db = EmulatorClients.connect(emulator)) {
            var docs = db.collection("processor_heartbeats").get().get().getDocuments();
            assertThat(docs).hasSize(1);
            DocumentSnapshot doc = docs.get(0);
            assertThat(doc.getString("status")).isEqualTo("completed");
            assertThat(doc.getString("data_date")).isEqualTo("2026-02-01");
            assertThat(doc.getString("message")).as("per-run fields are the last beat's").isNull();
            assertThat(doc.getLong("expected_interval_seconds")).as("the interval is kept").isEqualTo(26 * 3600L);
        }
    }

    @Test
    void theCollectionIsConfigurable(FirestoreEmulator emulator) throws Exception {
        CliDriver.Result r = new CliDriver(factory).env("FIRESTORE_EMULATOR_HOST", emulator.hostPort())
                .run("heartbeat", "--processor", "p", "--status", "failed", "--collection", "ops_heartbeats");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        try (Firestore db = EmulatorClients.connect(emulator)) {
            assertThat(db.collection("ops_heartbeats").document("p").get().get().exists()).isTrue();
            assertThat(db.collection("processor_heartbeats").get().get().isEmpty()).isTrue();
        }
    }
}
