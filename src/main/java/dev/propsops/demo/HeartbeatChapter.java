package dev.propsops.demo;

import static dev.propsops.demo.DemoText.chapter;
import static dev.propsops.demo.DemoText.n;
import static dev.propsops.demo.DemoText.paragraph;
import static dev.propsops.demo.DemoText.took;

import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.Progress;
import dev.propsops.gcp.FirestoreSession;
import dev.propsops.gcp.GcpConfig;
import dev.propsops.heartbeat.HeartbeatConfig;
import dev.propsops.heartbeat.cleanup.CleanupPlan;
import dev.propsops.heartbeat.cleanup.CleanupPolicy;
import dev.propsops.heartbeat.cleanup.CleanupReport;
import dev.propsops.heartbeat.cleanup.CleanupResult;
import dev.propsops.heartbeat.cleanup.CleanupService;
import dev.propsops.heartbeat.cleanup.CleanupTuning;
import dev.propsops.heartbeat.cleanup.FirestoreCleanupStore;
import dev.propsops.heartbeat.cleanup.RateLimit;
import dev.propsops.heartbeat.cleanup.RateLimiter;
import dev.propsops.heartbeat.cleanup.Shard;
import dev.propsops.heartbeat.demo.DemoSeeder;
import dev.propsops.heartbeat.monitor.FirestoreMonitorStore;
import dev.propsops.heartbeat.monitor.MonitorReport;
import dev.propsops.heartbeat.monitor.MonitorService;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The heartbeat chapter, on a private emulator with the real monitor and cleanup services: monitor, cleanup
 * dry run, cleanup, monitor again. The one write besides the seed happens at a set point (the two runs in
 * flight, between the first monitor and the dry run), and the text does the sums, so that every count can
 * be traced from one screen to the next.
 */
final class HeartbeatChapter {
    /** The demo's runs in flight are seconds old; production's --min-age is an hour. */
    static final Duration DEMO_MIN_AGE = Duration.ofSeconds(5);
    static final int RUNS_IN_FLIGHT = 2;

    /** The counts of the chapter, from one screen to the next. */
    record Result(long seeded, long live, long scanned, long deleted, long skipped, long created, long after, String scoreBefore,
            String scoreAfter, List<String> stillWritingLegacy) {
    }

    private final GcpConfig gcp;
    private final HeartbeatConfig config;
    private final Invocation invocation;

    HeartbeatChapter(GcpConfig gcp, HeartbeatConfig config, Invocation invocation) {
        this.gcp = gcp;
        this.config = config;
        this.invocation = invocation;
    }

    Result run(int legacyDocs) throws InterruptedException {
        PrintWriter out = invocation.out();
        String coll = config.collection();
        try (FirestoreSession session = FirestoreSession.open(Optional.empty(), true, gcp, invocation)) {
            Instant seededAt = invocation.clock().instant();
            DemoSeeder seeder = new DemoSeeder(session.client(), coll, seededAt);
            long seeded;
            try (Progress progress = Progress.start(invocation, "seeding " + coll, "docs", 0)) {
                seeded = seeder.onProgress(progress::add).seedIncident(legacyDocs);
            }
            seeder.onProgress(n -> { });
            Instant bulkDone = Instant.now();
            chapter(out, "1. The incident", String.format(java.util.Locale.ROOT,
                    "A private emulator now holds %,d heartbeat docs for %d processors: every run of the old writer "
                            + "created <processor>_<date>_<run_id>. Most processors got the fix two days ago; %d have not "
                            + "run since and have no canonical doc; %s still runs the old writer; "
                            + "nba-odds-api-backfill was switched off 45 days ago. There are foreign docs and malformed ones.",
                    seeded, DemoSeeder.processorCount(), DemoSeeder.withoutCanonicalDoc().size(), DemoSeeder.STILL_LEGACY));

            MonitorService monitor = new MonitorService(new FirestoreMonitorStore(session.client(), coll));
            MonitorService.Limits limits = new MonitorService.Limits(config.monitor().maxDocs(), config.monitor().minScore(),
                    config.defaultExpectedInterval(), config.monitor().legacyWindow(),
                    Long.MAX_VALUE); // reads cost nothing on the emulator, where cursor skips are slow
            chapter(out, "2. heartbeat-monitor", "Read-only. The size comes from an aggregation count, the states and "
                    + "the score from canonical docs only. Here it reads the whole collection (reads are free on the emulator); "
                    + "on Firestore, above 5,000 docs, it reads the canonical docs and one doc per block of legacy docs.");
            long t = System.nanoTime();
            MonitorReport before = monitor.check(invocation.clock().instant(), limits);
            before.print(out);
            took(out, t);
            paragraph(out, readsExplained(before));

            // nba-phase2 is running right now: these docs are younger than --min-age and must survive
            waitUntil(bulkDone.plus(DEMO_MIN_AGE));
            long live = seeder.seedInFlight(DemoSeeder.STILL_LEGACY, RUNS_IN_FLIGHT);

            HeartbeatConfig.Cleanup c = config.cleanup();
            CleanupService cleanup = new CleanupService(new FirestoreCleanupStore(session.client(), coll, new CleanupTuning(
                    c.pageSize(), c.batchSize(), c.concurrency(), c.maxAttempts(), c.initialBackoff(), c.maxBackoff())), invocation);
            CleanupPolicy policy = CleanupPolicy.of(invocation.clock().instant(), DEMO_MIN_AGE, c.retireAfter());
            chapter(out, "3. heartbeat-cleanup (dry run)", "The plan, from one streaming pass over the collection. "
                    + "Since the monitor, " + DemoSeeder.STILL_LEGACY + " started " + live + " runs that write the old way: the "
                    + "collection now holds " + n(before.size()) + " + " + live + " = " + n(before.size() + live) + " docs. In the "
                    + "demo --min-age is " + DEMO_MIN_AGE.toSeconds() + "s (those runs were written just now); in production it is "
                    + DurationConverter.format(c.minAge()) + ".");
            t = System.nanoTime();
            CleanupPlan plan = cleanup.plan(policy, Shard.ALL);
            CleanupReport report = new CleanupReport("the demo emulator", plan, false, c.maxDeletes(), "unlimited (emulator)", Optional.empty());
            report.printPlan(out);
            took(out, t);

            chapter(out, "4. heartbeat-cleanup --execute --yes", "Canonical docs are created first (create-if-absent), "
                    + "then the second pass deletes through batched commits, each delete conditional on the doc's update time.");
            CleanupResult result = cleanup.execute(plan, RateLimiter.of(RateLimit.unlimited()));
            new CleanupReport("the demo emulator", plan, true, c.maxDeletes(), "unlimited (emulator)", Optional.of(result)).printResult(out);

            long created = result.migrations().created().size();
            chapter(out, "5. heartbeat-monitor again", "Nothing was written since the cleanup: the collection should hold "
                    + n(plan.scanned()) + " - " + n(result.deleted()) + " deleted + " + created + " canonical docs created = "
                    + n(plan.scanned() - result.deleted() + created) + " docs.");
            t = System.nanoTime();
            MonitorReport after = monitor.check(invocation.clock().instant(), limits);
            after.print(out);
            took(out, t);
            paragraph(out, readsExplained(after));

            return new Result(seeded, live, plan.scanned(), result.deleted(), result.skipped(), created, after.size(), score(before),
                    score(after), plan.stillWritingLegacy());
        }
    }

    /** Why the monitor read more docs than the collection holds: its second query re-reads the recent beats. */
    private String readsExplained(MonitorReport r) {
        long again = r.docsRead() - r.size();
        return again <= 0 ? "It read the " + n(r.docsRead()) + " docs once each."
                : "It read " + n(r.docsRead()) + " docs: the " + n(r.size()) + " of the collection, then again the " + n(again)
                        + " beaten in the last " + config.monitor().legacyWindow().toHours() + " hours, to find processors still "
                        + "writing legacy docs.";
    }

    /** The line of the last screen. */
    static String summary(Result r) {
        String skipped = r.skipped() > 0 ? " (" + n(r.skipped()) + " changed since the scan and were kept)" : "";
        return n(r.seeded()) + " docs, score " + r.scoreBefore() + " -> " + n(r.after()) + " docs, score " + r.scoreAfter() + ": "
                + n(r.seeded()) + " seeded + " + r.live() + " live = " + n(r.scanned()) + " scanned; " + n(r.deleted()) + " deleted"
                + skipped + ", " + r.created() + " canonical created";
    }

    private static String score(MonitorReport r) {
        return r.score().isPresent() ? r.score().getAsInt() + "/100" : "n/a";
    }

    private static void waitUntil(Instant t) throws InterruptedException {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }
}
