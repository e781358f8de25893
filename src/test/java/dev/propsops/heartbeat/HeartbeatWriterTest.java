package dev.propsops.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import dev.propsops.gcp.FirestoreEmulator;
import dev.propsops.testing.EmulatorClients;
import dev.propsops.testing.FirestoreEmulatorExtension;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The regression tests the incident handoff asked for, on the real Firestore emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class HeartbeatWriterTest {
    private static final String COLLECTION = "processor_heartbeats";
    private Firestore db;
    private HeartbeatWriter writer;

    @BeforeEach
    void connect(FirestoreEmulator emulator) {
        db = EmulatorClients.connect(emulator);
        writer = new HeartbeatWriter(db, COLLECTION);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void ahundredRunsOfOneProcessorLeaveExactlyOneDocHoldingTheLastBeat() throws Exception {
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < 100; i++) {
            HeartbeatStatus status = i % 3 == 0 ? HeartbeatStatus.failed : HeartbeatStatus.completed;
            writer.beat(new Heartbeat("nba-phase3-analytics-processors", status, Optional.of("run-" + i),
                    Optional.of(day.plusDays(i)), Optional.of("beat " + i), Optional.of(Duration.ofHours(26))));
        }

        List<QueryDocumentSnapshot> docs = db.collection(COLLECTION).get().get().getDocuments();
        assertThat(docs).hasSize(1);
        DocumentSnapshot doc = docs.get(0);
        assertThat(doc.getId()).isEqualTo("nba-phase3-analytics-processors");
        assertThat(doc.getString(HeartbeatFields.PROCESSOR_NAME)).isEqualTo("nba-phase3-analytics-processors");
        assertThat(doc.getString(HeartbeatFields.RUN_ID)).isEqualTo("run-99");
        assertThat(doc.getString(HeartbeatFields.STATUS)).isEqualTo("failed");
        assertThat(doc.getString(HeartbeatFields.DATA_DATE)).isEqualTo(day.plusDays(99).toString());
        assertThat(doc.getString(HeartbeatFields.MESSAGE)).isEqualTo("beat 99");
        assertThat(doc.getLong(HeartbeatFields.EXPECTED_INTERVAL_SECONDS)).isEqualTo(26 * 3600L);
        assertThat(doc.getTimestamp(HeartbeatFields.LAST_HEARTBEAT)).isNotNull();
        assertThat(doc.getId()).doesNotContain("2026").doesNotContain("run-");
    }

    @Test
    void twoProcessorsLeaveTwoDocs() throws Exception {
        for (int i = 0; i < 5; i++) {
            writer.beat(new Heartbeat("nba-phase2-raw-processors", HeartbeatStatus.completed, Optional.of("a" + i),
                    Optional.empty(), Optional.empty(), Optional.empty()));
            writer.beat(new Heartbeat("mlb_pitcher_props_validator", HeartbeatStatus.completed, Optional.of("b" + i),
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }
        assertThat(db.collection(COLLECTION).get().get().getDocuments())
                .extracting(DocumentSnapshot::getId)
                .containsExactlyInAnyOrder("nba-phase2-raw-processors", "mlb_pitcher_props_validator");
    }

    @Test
    void aNewRunSetsStartedAtAndARepeatedBeatOfTheSameRunDoesNot() throws Exception {
        HeartbeatWriter.BeatResult first = writer.beat(beat("r1", HeartbeatStatus.running));
        Timestamp started = startedAt();
        Thread.sleep(5);
        HeartbeatWriter.BeatResult again = writer.beat(beat("r1", HeartbeatStatus.running));
        HeartbeatWriter.BeatResult done = writer.beat(beat("r1", HeartbeatStatus.completed));

        assertThat(first.newRun()).isTrue();
        assertThat(again.newRun()).isFalse();
        assertThat(done.newRun()).isFalse();
        assertThat(startedAt()).isEqualTo(started);
        assertThat(lastHeartbeat()).isGreaterThan(started);

        HeartbeatWriter.BeatResult next = writer.beat(beat("r2", HeartbeatStatus.running));
        assertThat(next.newRun()).isTrue();
        assertThat(startedAt()).isGreaterThan(started);
    }

    @Test
    void withoutRunIdsARunningBeatAfterAFinishedRunStartsANewRun() throws Exception {
        writer.beat(beat(null, HeartbeatStatus.running));
        Timestamp first = startedAt();
        assertThat(writer.beat(beat(null, HeartbeatStatus.running)).newRun()).isFalse();
        assertThat(writer.beat(beat(null, HeartbeatStatus.completed)).newRun()).isFalse();
        assertThat(startedAt()).isEqualTo(first);
        assertThat(writer.beat(beat(null, HeartbeatStatus.running)).newRun()).isTrue();
        assertThat(startedAt()).isGreaterThan(first);
    }

    @Test
    void aBeatWithoutMessageClearsTheOldOneButKeepsFieldsOthersWrote() throws Exception {
        db.collection(COLLECTION).document("p").set(Map.of("dashboard_note", "kept", "message", "old")).get();
        writer.beat(beat("r1", HeartbeatStatus.completed));
        DocumentSnapshot doc = db.collection(COLLECTION).document("p").get().get();
        assertThat(doc.getString("message")).isNull();
        assertThat(doc.contains("message")).isTrue();
        assertThat(doc.getString("dashboard_note")).isEqualTo("kept");
    }

    @Test
    void invalidNamesAreRejectedBeforeAnythingIsWritten() throws Exception {
        for (String bad : new String[] { "a/b", ".", "..", "__reserved__", "", "x".repeat(1501) }) {
            assertThatThrownBy(() -> writer.beat(Heartbeat.of(bad, HeartbeatStatus.running)))
                    .isInstanceOfSatisfying(OpsException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.getMessage()).contains("cannot be a Firestore document id");
                    });
        }
        assertThat(db.collection(COLLECTION).get().get().getDocuments()).isEmpty();
    }

    private static Heartbeat beat(String runId, HeartbeatStatus status) {
        return new Heartbeat("p", status, Optional.ofNullable(runId), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private Timestamp startedAt() throws Exception {
        return db.collection(COLLECTION).document("p").get().get().getTimestamp(HeartbeatFields.STARTED_AT);
    }

    private Timestamp lastHeartbeat() throws Exception {
        return db.collection(COLLECTION).document("p").get().get().getTimestamp(HeartbeatFields.LAST_HEARTBEAT);
    }
}
