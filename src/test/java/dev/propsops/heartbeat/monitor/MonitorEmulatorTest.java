package dev.propsops.heartbeat.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import dev.propsops.gcp.FirestoreEmulator;
import dev.propsops.heartbeat.HeartbeatDocsFixture;
import dev.propsops.testing.EmulatorClients;
import dev.propsops.testing.FirestoreEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FirestoreEmulatorExtension.class)
class MonitorEmulatorTest {
    static final Duration H = Duration.ofHours(1);
    static final Duration D = Duration.ofDays(1);
    final Instant now = Instant.now();
    Firestore db;
    HeartbeatDocsFixture docs;

    @BeforeEach
    void connect(FirestoreEmulator emulator) {
        db = EmulatorClients.connect(emulator);
        docs = new HeartbeatDocsFixture(db, "processor_heartbeats");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    MonitorReport check() {
        return check(100);
    }

    MonitorReport check(long fullReadLimit) {
        return new MonitorService(new FirestoreMonitorStore(db, "processor_heartbeats"))
                .check(now, new MonitorService.Limits(50, 70, Duration.ofHours(26), Duration.ofHours(24), fullReadLimit));
    }

    @Test
    void scoresOnlyCanonicalDocsAndReadsLittleOfAProliferatedCollection() {
        docs.beat("nba", "nba", now.minus(H), "completed");
        docs.beat("nba_raw", "nba_raw", now.minus(Duration.ofHours(30)), "completed");
        docs.beat("nba-phase4", null, now.minus(H), "failed");
        // 40 days x 50 runs of stale per-run docs for nba and nba_raw: they must not drag the score
        for (int day = 1; day <= 40; day++) {
            String date = java.time.LocalDate.of(2026, 1, 1).plusDays(day).toString();
            for (int run = 0; run < 50; run++) {
                docs.beat("nba_" + date + "_run_" + run, "nba", now.minus(D.multipliedBy(day + 5)), "completed");
                docs.beat("nba_raw_" + date + "_r" + run, null, now.minus(D.multipliedBy(day + 5)), "completed");
            }
        }
        // a processor with only legacy docs, one of them from this morning: missing, and still writing legacy
        docs.beat("mlb_pitcher_props_None_r1", "mlb_pitcher_props", now.minus(D.multipliedBy(3)), "completed");
        docs.beat("mlb_pitcher_props_None_r2", "mlb_pitcher_props", now.minus(H.multipliedBy(5)), "completed");
        docs.put("dashboard-config", Map.of("refresh", 60));
        docs.flush();

        MonitorReport r = check();
        assertThat(r.size()).isEqualTo(3 + 4000 + 2 + 1);
        assertThat(r.processors()).extracting(ProcessorHealth::processor)
                .containsExactly("dashboard-config", "mlb_pitcher_props", "nba", "nba-phase4", "nba_raw");
        assertThat(r.processor("nba").orElseThrow().state()).isEqualTo(ProcessorState.ok);
        assertThat(r.processor("nba_raw").orElseThrow().state()).isEqualTo(ProcessorState.late);
        assertThat(r.processor("nba-phase4").orElseThrow().state()).isEqualTo(ProcessorState.failed);
        assertThat(r.processor("mlb_pitcher_props").orElseThrow().state()).isEqualTo(ProcessorState.missing);
        assertThat(r.processor("dashboard-config").orElseThrow().state()).isEqualTo(ProcessorState.stale);
        assertThat(r.score()).hasValue(30); // (1 + 0.5 + 0 + 0 + 0) / 5
        assertThat(r.stillWritingLegacy()).containsExactly("mlb_pitcher_props");
        assertThat(r.worst()).isEqualTo(dev.propsops.cli.Severity.critical);
        // one read per canonical doc and per (processor, date) block, not per doc
        assertThat(r.docsRead()).as("docs read").isLessThan(200);

        // reading everything (below the full-read limit) finds exactly the same, at the cost of every doc
        MonitorReport full = check(10_000);
        assertThat(full.processors()).isEqualTo(r.processors());
        assertThat(full.score()).isEqualTo(r.score());
        assertThat(full.stillWritingLegacy()).isEqualTo(r.stillWritingLegacy());
        assertThat(full.docsRead()).isGreaterThanOrEqualTo(r.size());
    }

    @Test
    void aHealthyCollectionHasNoFindings() {
        for (String p : new String[] { "nba-phase2-raw-processors", "nba-phase3-analytics-processors", "mlb-phase6-grading" }) {
            docs.beat(p, p, now.minus(H), "completed");
        }
        docs.flush();
        MonitorReport r = check();
        assertThat(r.findings()).isEmpty();
        assertThat(r.score()).hasValue(100);
        assertThat(r.size()).isEqualTo(3);
    }
}
