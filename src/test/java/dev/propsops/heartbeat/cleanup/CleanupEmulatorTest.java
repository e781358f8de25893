package dev.propsops.heartbeat.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import dev.propsops.cli.Invocation;
import dev.propsops.gcp.FirestoreEmulator;
import dev.propsops.heartbeat.HeartbeatDocsFixture;
import dev.propsops.heartbeat.docs.Classification;
import dev.propsops.heartbeat.docs.Classifier;
import dev.propsops.heartbeat.docs.DocKind;
import dev.propsops.heartbeat.docs.HeartbeatDoc;
import dev.propsops.testing.EmulatorClients;
import dev.propsops.testing.FirestoreEmulatorExtension;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cleanup service against the real emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class CleanupEmulatorTest {
    static final String COLL = "processor_heartbeats";
    static final Duration H = Duration.ofHours(1);
    static final Duration D = Duration.ofDays(1);

    /**
     * The runs "happen" two hours after the docs are written, so that every seeded doc is older than the
     * default --min-age by its update time, which Firestore sets and a test cannot.
     */
    final Instant now = Instant.now().plus(Duration.ofHours(2));
    Firestore db;
    HeartbeatDocsFixture docs;
    StringWriter err = new StringWriter();

    @BeforeEach
    void connect(FirestoreEmulator emulator) {
        db = EmulatorClients.connect(emulator);
        docs = new HeartbeatDocsFixture(db, COLL);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    Invocation invocation() {
        return new Invocation(new PrintWriter(new StringWriter()), new PrintWriter(err, true), new BufferedReader(new StringReader("")),
                Map.of(), Clock.fixed(now, ZoneOffset.UTC), false);
    }

    CleanupService service() {
        return new CleanupService(new FirestoreCleanupStore(db, COLL, new CleanupTuning(7, 5, 3, 3, Duration.ofMillis(20),
                Duration.ofMillis(100))), invocation());
    }

    CleanupPolicy policy() {
        return CleanupPolicy.of(now, H, Duration.ofDays(30));
    }

    CleanupResult run(Shard shard) {
        CleanupService s = service();
        return s.execute(s.plan(policy(), shard), RateLimiter.of(RateLimit.unlimited()));
    }

    /** The one-pass run that --execute --yes makes when the collection is within --max-deletes. */
    CleanupResult stream(Shard shard) {
        CleanupService s = service();
        return s.planAndExecute(policy(), shard, RateLimiter.of(RateLimit.unlimited()), s.count()).result();
    }

    void seedIncident() {
        docs.beat("nba-phase3-analytics-processors", "nba-phase3-analytics-processors", now.minus(H), "completed");
        for (int i = 0; i < 23; i++) {
            docs.beat("nba-phase3-analytics-processors_2026-01-" + (10 + i % 9) + "_run" + i, "nba-phase3-analytics-processors",
                    now.minus(D.multipliedBy(2 + i)), "completed");
        }
        // no canonical doc; underscores in the name; a _None_ date; still writing legacy docs
        for (int i = 0; i < 9; i++) {
            docs.beat("odds_api_props_processor_None_r" + i, null, now.minus(H.multipliedBy(3 + i * 5)), i == 0 ? "running" : "completed");
        }
        // silent for 45 days
        docs.beat("mlb-phase6-grading", "mlb-phase6-grading", now.minus(D.multipliedBy(45)), "completed");
        docs.beat("mlb-phase6-grading_2025-12-01_x", "mlb-phase6-grading", now.minus(D.multipliedBy(60)), "completed");
        // foreign, and a malformed legacy doc
        docs.put("dashboard-config", Map.of("processor_name", "dashboard", "refresh", 60));
        docs.put("odd_2026-13-01_r1", Map.of("status", "completed"));
        docs.put("nba-phase3-analytics-processors_2026-01-20_bad", Map.of("processor_name", 17L, "last_heartbeat", "yesterday"));
        docs.flush();
    }

    @Test
    void cleansTheIncidentAndARerunFindsNothingLeft() {
        seedIncident();
        Map<String, Object> newestOdds = docs.all().get("odds_api_props_processor_None_r0");

        CleanupService s = service();
        CleanupPlan plan = s.plan(policy(), Shard.ALL);
        assertThat(plan.scanned()).isEqualTo(38);
        assertThat(plan.toDelete()).isEqualTo(24 + 9 + 2);
        assertThat(plan.foreign()).isEqualTo(2);
        assertThat(plan.malformed()).as("dashboard-config and odd lack last_heartbeat; bad has mistyped fields").isEqualTo(3);
        // the malformed legacy doc has no usable last_heartbeat: its update time (2 hours before the run) counts
        assertThat(plan.stillWritingLegacy()).containsExactly("nba-phase3-analytics-processors", "odds_api_props_processor");
        assertThat(docs.all()).as("planning changes nothing").hasSize(38);

        CleanupResult result = s.execute(plan, RateLimiter.of(RateLimit.unlimited()));
        assertThat(result.deleted()).isEqualTo(35);
        assertThat(result.skipped()).isZero();
        assertThat(result.migrations().created()).containsExactly("odds_api_props_processor");

        Map<String, Map<String, Object>> left = docs.all();
        assertThat(left.keySet()).containsExactlyInAnyOrder("nba-phase3-analytics-processors", "odds_api_props_processor",
                "dashboard-config", "odd_2026-13-01_r1");
        Map<String, Object> migrated = new HashMap<>(newestOdds);
        migrated.put("processor_name", "odds_api_props_processor");
        assertThat(left.get("odds_api_props_processor")).isEqualTo(migrated);
        assertThat(left.get("dashboard-config")).isEqualTo(Map.of("processor_name", "dashboard", "refresh", 60L));

        CleanupPlan again = service().plan(policy(), Shard.ALL);
        assertThat(again.toDelete()).isZero();
        assertThat(again.scanned()).isEqualTo(4);
    }

    @Test
    void theOnePassRunEndsExactlyLikeThePlanThenActRun() throws Exception {
        seedIncident();
        Map<String, Map<String, Object>> seeded = docs.all();
        run(Shard.ALL);
        Map<String, Map<String, Object>> twoPass = docs.all();

        db.collection(COLL).document("odds_api_props_processor").delete().get();
        seeded.forEach(docs::put);
        docs.flush();
        assertThat(docs.all()).isEqualTo(seeded);
        CleanupResult streamed = stream(Shard.ALL);
        assertThat(streamed.streamed()).isTrue();
        assertThat(streamed.deleted()).isEqualTo(35);
        assertThat(streamed.migrations().created()).containsExactly("odds_api_props_processor");
        assertThat(docs.all()).isEqualTo(twoPass);
    }

    @Test
    void runsInFlightAreKept() {
        docs.beat("p", "p", now.minus(H), "completed");
        docs.beat("p_2026-01-01_old", "p", now.minus(D), "completed").flush();
        // written "now" for a run at the real time: inside --min-age when the run happens at the real time
        CleanupService s = service();
        CleanupPolicy realTime = CleanupPolicy.of(Instant.now(), H, Duration.ofDays(30));
        CleanupPlan plan = s.plan(realTime, Shard.ALL);
        assertThat(plan.toDelete()).isZero();
        assertThat(plan.processors().get("p").legacyRecent()).isEqualTo(1);
        s.execute(plan, RateLimiter.of(RateLimit.unlimited()));
        assertThat(docs.all()).containsKey("p_2026-01-01_old");
    }

    @Test
    void aCanonicalDocWrittenByALiveProcessorBeforeTheCopyIsNotOverwritten() {
        docs.beat("nba-phase2-raw-processors_2026-01-30_r1", "nba-phase2-raw-processors", now.minus(D.multipliedBy(2)), "completed");
        docs.beat("nba-phase2-raw-processors_2026-01-31_r2", "nba-phase2-raw-processors", now.minus(D), "completed").flush();
        CleanupService s = service();
        CleanupPlan plan = s.plan(policy(), Shard.ALL);
        assertThat(plan.toMigrate()).extracting(ProcessorPlan::processor).containsExactly("nba-phase2-raw-processors");

        // the fixed processor beats between the plan and the copy
        docs.beat("nba-phase2-raw-processors", "nba-phase2-raw-processors", Instant.now(), "running").flush();
        CleanupResult result = s.execute(plan, RateLimiter.of(RateLimit.unlimited()));

        assertThat(result.migrations().created()).isEmpty();
        assertThat(result.migrations().alreadyThere()).containsExactly("nba-phase2-raw-processors");
        assertThat(docs.all()).containsOnlyKeys("nba-phase2-raw-processors");
        assertThat(docs.all().get("nba-phase2-raw-processors").get("status")).isEqualTo("running");
    }

    @Test
    void theCopyIsCreateIfAbsentEvenWhenTheCanonicalDocAppearsAfterTheCheck() {
        docs.beat("p_2026-01-30_r1", "p", now.minus(D), "completed").flush();
        // a store whose canonical check misses a doc written right after it: create() must still not overwrite
        FirestoreCleanupStore real = new FirestoreCleanupStore(db, COLL, CleanupTuning.defaults());
        CleanupStore racing = new ForwardingStore(real) {
            @Override
            public java.util.Optional<Map<String, Object>> read(String id) {
                java.util.Optional<Map<String, Object>> r = super.read(id);
                if (id.equals("p")) {
                    docs.beat("p", "p", Instant.now(), "running").flush();
                }
                return r;
            }
        };
        CleanupService s = new CleanupService(racing, invocation());
        CleanupResult result = s.execute(s.plan(policy(), Shard.ALL), RateLimiter.of(RateLimit.unlimited()));
        assertThat(result.migrations().alreadyThere()).containsExactly("p");
        assertThat(docs.all()).containsOnlyKeys("p");
        assertThat(docs.all().get("p").get("status")).isEqualTo("running");
    }

    @Test
    void whenTheCopyCannotBeMadeNoneOfThatProcessorsLegacyDocsAreDeleted() {
        docs.beat("p_2026-01-30_r1", "p", now.minus(D.multipliedBy(2)), "completed");
        docs.beat("p_2026-01-31_r2", "p", now.minus(D), "completed");
        docs.beat("q", "q", now.minus(H), "completed");
        docs.beat("q_2026-01-31_r2", "q", now.minus(D), "completed").flush();
        CleanupService s = service();
        CleanupPlan plan = s.plan(policy(), Shard.ALL);
        // the newest legacy doc of p vanishes before the copy
        db.collection(COLL).document("p_2026-01-31_r2").delete();
        awaitGone("p_2026-01-31_r2");
        CleanupResult result = s.execute(plan, RateLimiter.of(RateLimit.unlimited()));
        assertThat(result.migrations().failed()).containsOnlyKeys("p");
        assertThat(docs.all()).containsOnlyKeys("p_2026-01-30_r1", "q");
    }

    @Test
    void aDocRewrittenAfterItWasSeenIsSkippedNotDeleted() {
        docs.beat("p", "p", now.minus(H), "completed");
        for (int i = 0; i < 12; i++) {
            docs.beat("p_2026-01-01_r" + i, "p", now.minus(D), "completed");
        }
        docs.flush();
        FirestoreCleanupStore real = new FirestoreCleanupStore(db, COLL, new CleanupTuning(100, 12, 1, 3, Duration.ofMillis(10), Duration.ofMillis(50)));
        CleanupStore rewriting = new ForwardingStore(real) {
            @Override
            public Deleter deleter(RateLimiter limiter, java.util.function.LongConsumer onDone) {
                Deleter d = super.deleter(limiter, onDone);
                return new Deleter() {
                    @Override
                    public void delete(String id, Instant seen) {
                        if (id.equals("p_2026-01-01_r7")) {
                            // a long run rewrites its doc after the second pass saw it
                            docs.beat(id, "p", Instant.now(), "completed").flush();
                        }
                        d.delete(id, seen);
                    }

                    @Override
                    public DeleteCounts finish() {
                        return d.finish();
                    }

                    @Override
                    public void close() {
                        d.close();
                    }
                };
            }
        };
        CleanupService s = new CleanupService(rewriting, invocation());
        CleanupResult result = s.execute(s.plan(policy(), Shard.ALL), RateLimiter.of(RateLimit.unlimited()));
        assertThat(result.deleted()).isEqualTo(11);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(docs.all()).containsOnlyKeys("p", "p_2026-01-01_r7");
    }

    /** Random ids and fields: whatever the classifier calls canonical or foreign survives, untouched. */
    @org.junit.jupiter.params.ParameterizedTest(name = "one pass: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = { false, true })
    void nothingCanonicalOrForeignIsEverDeletedUnderRandomIds(boolean onePass) {
        Random random = new Random(61);
        String[] parts = { "nba", "_", "-", "phase2", "2026-01-15", "None", "2026-02-30", "_None_", "_2026-01-03_", "x", "7" };
        Map<String, Map<String, Object>> seeded = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder id = new StringBuilder();
            for (int k = 0, n = 1 + random.nextInt(6); k < n; k++) {
                id.append(parts[random.nextInt(parts.length)]);
            }
            String s = id.toString();
            if (dev.propsops.heartbeat.DocumentIds.violation(s).isPresent() || seeded.containsKey(s)) {
                continue;
            }
            Map<String, Object> data = new HashMap<>();
            switch (random.nextInt(4)) {
                case 0 -> data.put("processor_name", s);
                case 1 -> data.put("processor_name", s.substring(0, random.nextInt(s.length() + 1)));
                case 2 -> data.put("processor_name", 3L);
                default -> { }
            }
            // fresh or long silent canonical docs; retirement is covered elsewhere
            data.put("last_heartbeat", HeartbeatDocsFixture.ts(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 20)))));
            seeded.put(s, data);
            docs.put(s, data);
        }
        docs.flush();
        Map<String, Map<String, Object>> before = docs.all();
        if (onePass) {
            stream(Shard.ALL);
        } else {
            run(Shard.ALL);
        }
        Map<String, Map<String, Object>> left = docs.all();
        int kept = 0;
        for (Map.Entry<String, Map<String, Object>> e : seeded.entrySet()) {
            Object name = e.getValue().get("processor_name");
            Classification c = Classifier.classify(new HeartbeatDoc(e.getKey(), name, Instant.EPOCH, Instant.EPOCH));
            if (c.kind() != DocKind.LEGACY) {
                assertThat(left).as(c.kind() + " " + e.getKey()).containsKey(e.getKey());
                assertThat(left.get(e.getKey())).as("untouched").isEqualTo(before.get(e.getKey()));
                kept++;
            } else {
                assertThat(left).as("legacy " + e.getKey()).doesNotContainKey(e.getKey());
            }
        }
        assertThat(kept).isGreaterThan(50);
        assertThat(seeded.size() - kept).as("legacy docs were seeded too").isGreaterThan(20);
    }

    @Test
    void fourTasksOneAfterAnotherCoverEveryDocOnceAndEndLikeOneTask() {
        seedMany();
        Map<String, Map<String, Object>> before = docs.all();
        long single = service().plan(policy(), Shard.ALL).toDelete();
        long deleted = 0;
        for (int k = 0; k < 4; k++) {
            deleted += run(new Shard(k, 4)).deleted();
        }
        assertThat(deleted).isEqualTo(single);
        Set<String> shardedEnd = docs.all().keySet();
        Map<String, Map<String, Object>> shardedData = docs.all();

        // the same seed, one task
        before.forEach(docs::put);
        docs.flush();
        new HashMap<>(docs.all()).keySet().stream().filter(id -> !before.containsKey(id)).forEach(id -> db.collection(COLL).document(id).delete());
        assertThat(run(Shard.ALL).deleted()).isEqualTo(single);
        assertThat(docs.all().keySet()).isEqualTo(shardedEnd);
        assertThat(docs.all()).isEqualTo(shardedData);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "one pass: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = { false, true })
    void fourTasksAtOnceCoverEveryDocOnce(boolean onePass) throws Exception {
        seedMany();
        long single = service().plan(policy(), Shard.ALL).toDelete();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CleanupResult>> results = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                Shard shard = new Shard(k, 4);
                results.add(pool.submit(() -> onePass ? stream(shard) : run(shard)));
            }
            long deleted = 0;
            long skipped = 0;
            for (Future<CleanupResult> f : results) {
                deleted += f.get().deleted();
                skipped += f.get().skipped();
            }
            assertThat(deleted).isEqualTo(single);
            assertThat(skipped).isZero();
        } finally {
            pool.shutdown();
        }
        assertThat(docs.all().keySet()).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f", "g", "h", "foreign-1");
    }

    void seedMany() {
        for (String p : List.of("a", "b", "c", "d", "e", "f", "g", "h")) {
            if (!p.equals("h")) {
                docs.beat(p, p, now.minus(H), "completed");
            }
            for (int i = 0; i < 60; i++) {
                docs.beat(p + "_2026-01-" + (10 + i % 20) + "_r" + i, i % 2 == 0 ? p : null, now.minus(D.multipliedBy(1 + i % 20)), "completed");
            }
        }
        docs.put("foreign-1", Map.of("processor_name", "zzz"));
        docs.flush();
    }

    void awaitGone(String id) {
        for (int i = 0; i < 100 && docs.all().containsKey(id); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
