package dev.propsops.heartbeat.demo;

import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import com.google.cloud.firestore.WriteResult;
import dev.propsops.heartbeat.FirestoreDocs;
import dev.propsops.heartbeat.HeartbeatFields;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;

/**
 * Writes a heartbeat collection as the incident left it: ~30 processors of phases 1-6 (NBA and MLB),
 * tens of thousands of per-run legacy docs over two months, and the hard cases (dates written as
 * {@code None}, processor names with underscores, processors without a canonical doc, one still writing
 * legacy docs, one silent for 45 days, foreign docs, malformed fields). Deterministic for a given size.
 */
public final class DemoSeeder {
    /** What a processor looks like in the seeded collection. */
    enum Role {
        /** Fix deployed: a fresh canonical doc, legacy history up to two days ago. */
        HEALTHY,
        /** Fix deployed, last beat failed. */
        FAILED,
        /** Fix deployed, its daily beat is a few hours overdue. */
        LATE,
        /** Not run since the fix: no canonical doc yet, its newest legacy doc is from yesterday. */
        NO_CANONICAL,
        /** Still runs the old writer (the handoff's Phase 2): no canonical doc, legacy docs minutes old. */
        STILL_LEGACY,
        /** Decommissioned 45 days ago. */
        SILENT
    }

    record Processor(String name, Role role) {
    }

    static final List<Processor> PROCESSORS = List.of(
            new Processor("nba-phase1-scrapers", Role.NO_CANONICAL),
            new Processor("nbac_gamebook_processor", Role.NO_CANONICAL),
            new Processor("bdl_player_boxscores_processor", Role.NO_CANONICAL),
            new Processor("odds_api_props_processor", Role.NO_CANONICAL),
            new Processor("bettingpros_player_props_processor", Role.NO_CANONICAL),
            new Processor("nba-phase2-raw-processors", Role.STILL_LEGACY),
            new Processor("nba-phase3-analytics-processors", Role.HEALTHY),
            new Processor("player_game_summary_processor", Role.HEALTHY),
            new Processor("upcoming_player_game_context_processor", Role.HEALTHY),
            new Processor("nba-phase4-precompute-processors", Role.HEALTHY),
            new Processor("ml_feature_store_processor", Role.LATE),
            new Processor("nba-phase5-prediction-coordinator", Role.NO_CANONICAL),
            new Processor("nba-phase5-prediction-worker", Role.NO_CANONICAL),
            new Processor("nba-phase6-grading", Role.HEALTHY),
            new Processor("nba-phase6-export", Role.NO_CANONICAL),
            new Processor("nba-odds-api-backfill", Role.SILENT),
            new Processor("mlb-phase1-scrapers", Role.NO_CANONICAL),
            new Processor("mlb_game_lines_processor", Role.NO_CANONICAL),
            new Processor("mlb_pitcher_props_processor", Role.NO_CANONICAL),
            new Processor("mlb-phase2-raw-processors", Role.NO_CANONICAL),
            new Processor("mlb-phase3-analytics-processors", Role.HEALTHY),
            new Processor("mlb_pitcher_game_summary_processor", Role.HEALTHY),
            new Processor("mlb-phase4-precompute-processors", Role.HEALTHY),
            new Processor("mlb-phase5-prediction-worker", Role.NO_CANONICAL),
            new Processor("mlb-phase6-grading", Role.FAILED),
            new Processor("mlb-freshness-checker", Role.HEALTHY),
            new Processor("mlb-gap-detection", Role.NO_CANONICAL),
            new Processor("mlb-stall-detector", Role.HEALTHY),
            new Processor("mlb-schedule-validator", Role.NO_CANONICAL),
            new Processor("mlb-prediction-coverage-validator", Role.HEALTHY));

    /** Docs that are not heartbeats of any processor: never touched by the cleanup. */
    static final List<String> FOREIGN = List.of("dashboard-settings", "nba-phase3_2026-02-30_rerun", "backfill_2026-01-05_None_x");

    static final int DAYS = 60;
    /**
     * Commits of 250 docs, at most 2 waiting: the emulator serves commits one after another, so more in flight
     * only wait longer, past the client's deadline on a busy machine, for no gain in speed.
     */
    private static final int BATCH = 250;
    private static final int IN_FLIGHT = 2;
    private static final int MAX_ATTEMPTS = 4;

    private final Firestore db;
    private final CollectionReference collection;
    private final Instant now;
    private final Random random = new Random(20260201);
    private final Deque<Commit> inFlight = new ArrayDeque<>();
    private final List<Map.Entry<DocumentReference, Map<String, Object>>> batch = new ArrayList<>();
    private long written;
    private LongConsumer progress = n -> { };

    public DemoSeeder(Firestore db, String collection, Instant now) {
        this.db = db;
        this.collection = db.collection(collection);
        this.now = now;
    }

    public DemoSeeder onProgress(LongConsumer progress) {
        this.progress = progress;
        return this;
    }

    /** The incident: about {@code legacyDocs} legacy docs plus canonical, foreign and malformed ones. */
    public long seedIncident(int legacyDocs) {
        int perProcessor = Math.max(1, legacyDocs / PROCESSORS.size());
        for (Processor p : PROCESSORS) {
            seedProcessor(p, perProcessor);
        }
        put("dashboard-settings", Map.of(HeartbeatFields.PROCESSOR_NAME, "unified-dashboard", "refresh_seconds", 60L));
        put("nba-phase3_2026-02-30_rerun", Map.of(HeartbeatFields.STATUS, "completed"));
        put("backfill_2026-01-05_None_x", Map.of(HeartbeatFields.STATUS, "completed"));
        // malformed per-run docs: legacy by their id, whatever their fields say
        Object longAgo = FirestoreDocs.timestamp(now.minus(Duration.ofDays(20)));
        put("nbac_gamebook_processor_2026-01-07_manual", Map.of(HeartbeatFields.PROCESSOR_NAME, 7L,
                HeartbeatFields.LAST_HEARTBEAT, longAgo, HeartbeatFields.DATA_DATE, 20260107L));
        put("mlb-phase2-raw-processors_None_retry", Map.of(HeartbeatFields.PROCESSOR_NAME, List.of("mlb"),
                HeartbeatFields.LAST_HEARTBEAT, longAgo, HeartbeatFields.STATUS, List.of("failed")));
        return finish();
    }

    /** For benchmarks: {@code legacyDocs} old legacy docs of 30 processors that each have a fresh canonical doc. */
    public long seedLegacyOnly(int legacyDocs) {
        int perProcessor = legacyDocs / PROCESSORS.size();
        int extra = legacyDocs % PROCESSORS.size();
        for (int i = 0; i < PROCESSORS.size(); i++) {
            Processor p = new Processor(PROCESSORS.get(i).name(), Role.HEALTHY);
            seedProcessor(p, perProcessor + (i < extra ? 1 : 0));
        }
        return finish();
    }

    /** Legacy docs of runs in flight, for {@code processor}: written now, so inside any --min-age. */
    public long seedInFlight(String processor, int runs) {
        for (int i = 0; i < runs; i++) {
            Instant beat = now.minus(Duration.ofMinutes(3L * (runs - i)));
            put(processor + "_" + LocalDate.ofInstant(now, ZoneOffset.UTC) + "_live" + i,
                    beatDoc(processor, beat, i == runs - 1 ? "running" : "completed", true));
        }
        return finish();
    }

    private void seedProcessor(Processor p, int legacyDocs) {
        // the newest legacy beat: when the processor last ran the old writer
        Duration newestAgo = switch (p.role()) {
            case HEALTHY, FAILED, LATE -> Duration.ofHours(50);
            case NO_CANONICAL -> Duration.ofHours(24).plusMinutes(30);
            case STILL_LEGACY -> Duration.ofHours(2);
            case SILENT -> Duration.ofDays(45);
        };
        Instant newest = now.minus(newestAgo);
        for (int i = 0; i < legacyDocs; i++) {
            // spread over DAYS days back from the newest beat, one date token per day
            long back = (long) (Duration.ofDays(DAYS).toMinutes() * (double) i / Math.max(1, legacyDocs));
            Instant beat = newest.minus(Duration.ofMinutes(back));
            LocalDate date = LocalDate.ofInstant(beat, ZoneOffset.UTC);
            String token = i % 17 == 5 ? "None" : date.toString();
            String runId = String.format(Locale.ROOT, "%08x", random.nextInt()) + (i % 5 == 0 ? "_retry_1" : "");
            boolean named = i % 3 != 0; // older writer versions left processor_name out
            put(p.name() + "_" + token + "_" + runId, beatDoc(p.name(), beat, i % 23 == 7 ? "failed" : "completed", named));
        }
        switch (p.role()) {
            case HEALTHY -> put(p.name(), canonical(p.name(), now.minus(Duration.ofMinutes(20 + random.nextInt(600))), "completed"));
            case FAILED -> put(p.name(), canonical(p.name(), now.minus(Duration.ofHours(3)), "failed"));
            case LATE -> put(p.name(), canonical(p.name(), now.minus(Duration.ofHours(31)), "completed"));
            case SILENT -> put(p.name(), canonical(p.name(), now.minus(Duration.ofDays(45)), "completed"));
            case NO_CANONICAL, STILL_LEGACY -> { }
        }
    }

    private static Map<String, Object> canonical(String name, Instant beat, String status) {
        Map<String, Object> d = beatDoc(name, beat, status, true);
        d.put(HeartbeatFields.EXPECTED_INTERVAL_SECONDS, 26 * 3600L);
        return d;
    }

    private static Map<String, Object> beatDoc(String name, Instant beat, String status, boolean named) {
        Map<String, Object> d = new HashMap<>();
        if (named) {
            d.put(HeartbeatFields.PROCESSOR_NAME, name);
        }
        d.put(HeartbeatFields.STATUS, status);
        d.put(HeartbeatFields.LAST_HEARTBEAT, FirestoreDocs.timestamp(beat));
        d.put(HeartbeatFields.DATA_DATE, LocalDate.ofInstant(beat, ZoneOffset.UTC).toString());
        return d;
    }

    private void put(String id, Map<String, Object> data) {
        batch.add(Map.entry(collection.document(id), data));
        if (batch.size() == BATCH) {
            send();
        }
    }

    private void send() {
        List<Map.Entry<DocumentReference, Map<String, Object>>> writes = List.copyOf(batch);
        inFlight.add(new Commit(writes, commit(writes)));
        written += writes.size();
        progress.accept(writes.size());
        batch.clear();
        while (inFlight.size() > IN_FLIGHT) {
            await(inFlight.poll());
        }
    }

    private ApiFuture<List<WriteResult>> commit(List<Map.Entry<DocumentReference, Map<String, Object>>> writes) {
        WriteBatch b = db.batch();
        writes.forEach(w -> b.set(w.getKey(), w.getValue()));
        return b.commit();
    }

    private long finish() {
        if (!batch.isEmpty()) {
            send();
        }
        while (!inFlight.isEmpty()) {
            await(inFlight.poll());
        }
        long n = written;
        written = 0;
        return n;
    }

    /**
     * Waits for a commit. The seed's writes are plain sets, so a commit that timed out (a freshly started
     * emulator on a busy machine can take longer than the client's deadline) is simply sent again.
     */
    private void await(Commit c) {
        ApiFuture<List<WriteResult>> f = c.future();
        for (int attempt = 1;; attempt++) {
            try {
                f.get();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while seeding", e);
            } catch (ExecutionException e) {
                if (attempt >= MAX_ATTEMPTS || !retryable(e.getCause())) {
                    throw new IllegalStateException("seeding the demo collection failed: " + e.getCause().getMessage(), e.getCause());
                }
                f = commit(c.writes());
            }
        }
    }

    private static boolean retryable(Throwable t) {
        return t instanceof com.google.api.gax.rpc.ApiException api
                && (api.getStatusCode().getCode() == com.google.api.gax.rpc.StatusCode.Code.DEADLINE_EXCEEDED
                        || api.getStatusCode().getCode() == com.google.api.gax.rpc.StatusCode.Code.UNAVAILABLE
                        || api.getStatusCode().getCode() == com.google.api.gax.rpc.StatusCode.Code.ABORTED);
    }

    /** One commit of the seed, with its writes to send again. */
    private record Commit(List<Map.Entry<DocumentReference, Map<String, Object>>> writes, ApiFuture<List<WriteResult>> future) {
    }

    /** How many processors the incident has. */
    public static int processorCount() {
        return PROCESSORS.size();
    }

    /** The processors that have not run since the fix: no canonical doc, only legacy ones. */
    public static List<String> withoutCanonicalDoc() {
        return names(Role.NO_CANONICAL);
    }

    /** The processor that still runs the old writer, whose runs in flight the cleanup must keep. */
    public static final String STILL_LEGACY = "nba-phase2-raw-processors";

    /** Processor names, for the story. */
    static List<String> names(Role role) {
        List<String> names = new ArrayList<>();
        PROCESSORS.stream().filter(p -> p.role() == role).forEach(p -> names.add(p.name()));
        return names;
    }
}
