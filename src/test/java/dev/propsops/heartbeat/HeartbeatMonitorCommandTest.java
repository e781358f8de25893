package dev.propsops.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.firestore.Firestore;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.gcp.FirestoreEmulator;
import dev.propsops.testing.CliDriver;
import dev.propsops.testing.EmulatorClients;
import dev.propsops.testing.FirestoreEmulatorExtension;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** heartbeat-monitor through the CLI, on the real emulator. */
@QuarkusTest
@ExtendWith(FirestoreEmulatorExtension.class)
class HeartbeatMonitorCommandTest {
    static final Duration H = Duration.ofHours(1);

    @Inject
    CommandLine.IFactory factory;

    final Instant now = Instant.now();
    FirestoreEmulator emulator;
    Firestore db;
    HeartbeatDocsFixture docs;

    @BeforeEach
    void connect(FirestoreEmulator emulator) {
        this.emulator = emulator;
        db = EmulatorClients.connect(emulator);
        docs = new HeartbeatDocsFixture(db, "processor_heartbeats");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    CliDriver cli() {
        return new CliDriver(factory).env("FIRESTORE_EMULATOR_HOST", emulator.hostPort());
    }

    void healthyButOneLate() {
        docs.beat("nba-phase3-analytics-processors", "nba-phase3-analytics-processors", now.minus(H), "completed");
        docs.beat("nba-phase4-precompute-processors", "nba-phase4-precompute-processors", now.minus(H), "completed");
        docs.put("mlb-phase5-predictions", Map.of("processor_name", "mlb-phase5-predictions", "status", "running",
                "last_heartbeat", HeartbeatDocsFixture.ts(now.minus(Duration.ofMinutes(40))), "expected_interval_seconds", 1800L));
        docs.flush();
    }

    @Test
    void aHealthyCollectionPassesAtCriticalAndFailsAtWarnWhenOneIsLate() throws Exception {
        healthyButOneLate();
        CliDriver.Result r = cli().run("heartbeat-monitor");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("collection size 3 docs (bound 50)", "health score 83/100 (minimum 70)",
                "mlb-phase5-predictions", "late", "WARN     late: mlb-phase5-predictions");

        CliDriver.Result warn = cli().run("heartbeat-monitor", "--fail-on", "warn", "--output", "json");
        assertThat(warn.exitCode()).isEqualTo(ExitCode.FINDINGS);
        JsonNode json = Json.mapper().readTree(warn.out());
        assertThat(json.path("collection_size").asLong()).isEqualTo(3);
        assertThat(json.path("max_docs").asLong()).isEqualTo(50);
        assertThat(json.path("score").asInt()).isEqualTo(83);
        assertThat(json.path("min_score").asInt()).isEqualTo(70);
        assertThat(json.path("worst").asText()).isEqualTo("warn");
        JsonNode late = json.path("processors").get(0);
        assertThat(late.path("processor").asText()).isEqualTo("mlb-phase5-predictions");
        assertThat(late.path("state").asText()).isEqualTo("late");
        assertThat(late.path("expected_interval_seconds").asLong()).isEqualTo(1800);
        assertThat(late.path("late_by_seconds").asLong()).isBetween(590L, 700L);
        assertThat(late.path("status").asText()).isEqualTo("running");
        assertThat(json.path("still_writing_legacy")).isEmpty();
        assertThat(json.path("findings").get(0).path("severity").asText()).isEqualTo("warn");
    }

    @Test
    void proliferationIsCriticalAndNamesTheLegacyWriters() throws Exception {
        healthyButOneLate();
        for (int i = 0; i < 120; i++) {
            docs.beat("nba-phase2-raw-processors_2026-01-" + (10 + i % 20) + "_r" + i, "nba-phase2-raw-processors",
                    now.minus(H.multipliedBy(2 + i)), "completed");
        }
        docs.flush();
        CliDriver.Result r = cli().run("heartbeat-monitor");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("collection size 123 docs (bound 50)  << OVER THE BOUND", "CRITICAL",
                "deploy the heartbeat fix to nba-phase2-raw-processors", "missing");
        // a raised bound and a lower minimum leave the legacy writer as a warning
        CliDriver.Result relaxed = cli().run("heartbeat-monitor", "--max-docs", "500", "--min-score", "50");
        assertThat(relaxed.exitCode()).as(relaxed.toString()).isEqualTo(ExitCode.OK);
        assertThat(cli().run("heartbeat-monitor", "--max-docs", "500", "--min-score", "50", "--fail-on", "warn").exitCode())
                .isEqualTo(ExitCode.FINDINGS);
    }

    @Test
    void anEmptyCollectionIsCritical() throws Exception {
        CliDriver.Result r = cli().run("heartbeat-monitor", "--output", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.path("score").isNull()).isTrue();
        assertThat(json.path("findings").get(0).path("message").asText()).contains("no processor");
    }

    @ParameterizedTest
    @ValueSource(strings = { "--min-score 101", "--min-score -1", "--max-docs 0", "--fail-on ok", "--max-docs many" })
    void badOptionsAreUsageErrors(String args) {
        CliDriver.Result r = new CliDriver(factory).env("FIRESTORE_EMULATOR_HOST", "127.0.0.1:1")
                .run(("heartbeat-monitor " + args).split(" "));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
    }
}
