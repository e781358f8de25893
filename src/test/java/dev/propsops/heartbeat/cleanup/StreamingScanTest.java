package dev.propsops.heartbeat.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.firestore.Firestore;
import dev.propsops.cli.StoreException;
import dev.propsops.gcp.FirestoreConnector;
import dev.propsops.gcp.FirestoreEmulator;
import dev.propsops.gcp.FirestoreSettings;
import dev.propsops.gcp.FirestoreTarget;
import dev.propsops.heartbeat.HeartbeatDocsFixture;
import dev.propsops.heartbeat.TcpProxy;
import dev.propsops.testing.FirestoreEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The streamed scan on the real emulator: every doc once, in id order, across pages and broken streams. */
@ExtendWith(FirestoreEmulatorExtension.class)
class StreamingScanTest {
    private static final String COLL = "processor_heartbeats";
    /** More than the scan's queue and the transport's buffers hold, so a cut lands in the middle of a stream. */
    private static final int DOCS = 20_000;

    private static void seed(Firestore db) {
        HeartbeatDocsFixture docs = new HeartbeatDocsFixture(db, COLL);
        for (int i = 0; i < DOCS; i++) {
            docs.beat(String.format("p_2026-01-01_%05d", i), null, Instant.parse("2026-01-01T00:00:00Z"), "completed");
        }
        docs.flush();
    }

    private static Firestore connect(String hostPort) {
        return connect(hostPort, Duration.ofSeconds(20));
    }

    /** {@code rpcTimeout} bounds the client's own retries of a call, inside each attempt of the scan. */
    private static Firestore connect(String hostPort, Duration rpcTimeout) {
        return FirestoreConnector.connect(new FirestoreTarget(FirestoreEmulatorExtension.PROJECT, "(default)", Optional.of(hostPort)),
                new FirestoreSettings("(default)", rpcTimeout));
    }

    private static CleanupTuning tuning(int pageSize) {
        return new CleanupTuning(pageSize, 100, 2, 12, Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    @Test
    void readsEveryDocOnceInIdOrderWhateverThePageSize(FirestoreEmulator emulator) throws Exception {
        try (Firestore db = connect(emulator.hostPort())) {
            seed(db);
            for (int pageSize : new int[] { 4_999, DOCS, 1_000_000 }) {
                List<String> ids = new ArrayList<>();
                new FirestoreCleanupStore(db, COLL, tuning(pageSize)).scan(d -> ids.add(d.id()));
                assertThat(ids).as("page size " + pageSize).hasSize(DOCS).isSorted().doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void aStreamCutHalfWayResumesAfterTheLastDocReceived(FirestoreEmulator emulator) throws Exception {
        try (Firestore seeder = connect(emulator.hostPort())) {
            seed(seeder);
        }
        try (TcpProxy proxy = new TcpProxy(Integer.parseInt(emulator.hostPort().split(":")[1]));
                Firestore db = connect(proxy.hostPort())) {
            List<String> ids = new ArrayList<>();
            CompletableFuture<Void> restored = new CompletableFuture<>();
            new FirestoreCleanupStore(db, COLL, tuning(1_000_000)).scan(d -> {
                ids.add(d.id());
                if (ids.size() == 1_000) {
                    // the store goes away in the middle of the one big page, and comes back a moment later
                    proxy.cut();
                    CompletableFuture.runAsync(() -> {
                        try {
                            Thread.sleep(300);
                            proxy.restore();
                            restored.complete(null);
                        } catch (Exception e) {
                            restored.completeExceptionally(e);
                        }
                    });
                }
            });
            restored.get();
            Set<String> unique = new HashSet<>(ids);
            assertThat(ids).hasSize(DOCS).isSorted();
            assertThat(unique).hasSize(DOCS);
            assertThat(proxy.connections()).as("the client reconnected after the cut").isGreaterThan(1);
        }
    }

    @Test
    void aStoreThatStaysAwayFailsWithTheOperationNamed(FirestoreEmulator emulator) throws Exception {
        // the deadline bounds the client's own retries inside each attempt; 8 s rather than 2 so that the first
        // answer to a 20,000-doc query arrives in time on a loaded machine (with 2 s it sometimes did not, and the scan
        // failed before the cut this test is about). After the cut connections are refused, so it costs 3 x 8 s.
        // Fewer docs would not do: a small result is in the client's buffers before the 500th doc is handed over.
        try (Firestore seeder = connect(emulator.hostPort())) {
            seed(seeder);
        }
        try (TcpProxy proxy = new TcpProxy(Integer.parseInt(emulator.hostPort().split(":")[1]));
                Firestore db = connect(proxy.hostPort(), Duration.ofSeconds(8))) {
            CleanupTuning quick = new CleanupTuning(1_000_000, 100, 2, 3, Duration.ofMillis(50), Duration.ofMillis(100));
            List<String> ids = new ArrayList<>();
            assertThatThrownBy(() -> new FirestoreCleanupStore(db, COLL, quick).scan(d -> {
                ids.add(d.id());
                if (ids.size() == 500) {
                    proxy.cut();
                }
            })).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.operation()).contains("scan " + COLL));
            assertThat(ids).hasSizeGreaterThanOrEqualTo(500).hasSizeLessThan(DOCS).doesNotHaveDuplicates();
            proxy.restore();
        }
    }

    @Test
    void aConsumerThatFailsStopsTheScanWithoutHanging(FirestoreEmulator emulator) throws Exception {
        try (Firestore db = connect(emulator.hostPort())) {
            seed(db);
            List<String> ids = new ArrayList<>();
            assertThatThrownBy(() -> new FirestoreCleanupStore(db, COLL, tuning(1_000_000)).scan(d -> {
                if (ids.size() == 10) {
                    throw new IllegalStateException("the deleter failed");
                }
                ids.add(d.id());
            })).hasMessage("the deleter failed");
            assertThat(ids).hasSize(10);
            // the abandoned stream does not block the client: the next scan reads everything
            List<String> again = new ArrayList<>();
            new FirestoreCleanupStore(db, COLL, tuning(1_000_000)).scan(d -> again.add(d.id()));
            assertThat(again).hasSize(DOCS);
        }
    }
}
