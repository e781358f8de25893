package dev.propsops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.firestore.Firestore;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.gcp.FirestoreEmulator;
import dev.propsops.heartbeat.HeartbeatDocsFixture;
import dev.propsops.testing.CliDriver;
import dev.propsops.testing.EmulatorClients;
import dev.propsops.testing.FirestoreEmulatorExtension;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** The heartbeats check: heartbeat-monitor's own service on the real emulator, its critical CRITICAL and its warn MEDIUM. */
@QuarkusTest
@ExtendWith(FirestoreEmulatorExtension.class)
class InfraAuditHeartbeatsTest {
    @Inject
    CommandLine.IFactory factory;

    FirestoreEmulator emulator;
    Firestore db;

    @BeforeEach
    void connect(FirestoreEmulator emulator) {
        this.emulator = emulator;
        db = EmulatorClients.connect(emulator);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void heartbeatMonitorsFindingsAreRatedAsItRatesThem() throws Exception {
        HeartbeatDocsFixture docs = new HeartbeatDocsFixture(db, "processor_heartbeats");
        Instant now = Instant.now();
        docs.beat("nba-phase3-analytics-processors", "nba-phase3-analytics-processors", now.minus(Duration.ofHours(1)), "completed");
        docs.beat("nba-phase4-precompute-processors", "nba-phase4-precompute-processors", now.minus(Duration.ofDays(5)), "completed").flush();
        CliDriver.Result r = new CliDriver(factory).env("FIRESTORE_EMULATOR_HOST", emulator.hostPort())
                .run("infra-audit", "--project", FirestoreEmulatorExtension.PROJECT, "--checks", "heartbeats", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.path("checks").path(0).path("status").asText()).isEqualTo("ok");
        assertThat(doc.path("findings")).extracting(f -> f.path("rating").asText() + " " + f.path("title").asText())
                .containsExactly("critical health score 50/100 is below the minimum of 70", "medium stale: nba-phase4-precompute-processors");
    }
}
