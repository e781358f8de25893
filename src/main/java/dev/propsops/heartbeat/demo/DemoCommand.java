package dev.propsops.heartbeat.demo;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.OpsCommand;
import dev.propsops.cli.OpsException;
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
import dev.propsops.heartbeat.monitor.FirestoreMonitorStore;
import dev.propsops.heartbeat.monitor.MonitorReport;
import dev.propsops.heartbeat.monitor.MonitorService;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code props-ops demo}: the heartbeat incident and its cleanup, told on a private emulator with the
 * real monitor and cleanup services: monitor, cleanup dry run, cleanup, monitor again.
 */
@Command(name = "demo", sortOptions = false, mixinStandardHelpOptions = true,
        description = "The heartbeat story on a private local Firestore emulator: seed a collection like the incident's, "
                + "then run the real monitor, a cleanup dry run, the cleanup, and the monitor again.")
public class DemoCommand extends OpsCommand {
    /** The demo's runs in flight are seconds old; production's --min-age is an hour. */
    static final Duration DEMO_MIN_AGE = Duration.ofSeconds(5);

    @Option(names = "--legacy-docs", paramLabel = "N", defaultValue = "20000",
            description = "How many legacy per-run docs to seed (default: ${DEFAULT-VALUE}; the incident had 106,000).")
    int legacyDocs;

    @Inject
    GcpConfig gcp;

    @Inject
    HeartbeatConfig config;

    @Override
    protected int execute(Invocation invocation) throws InterruptedException {
        if (legacyDocs < 0 || legacyDocs > 2_000_000) {
            throw OpsException.usage("--legacy-docs must be between 0 and 2,000,000, was " + legacyDocs);
        }
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
                            + "run since and have no canonical doc; nba-phase2-raw-processors still runs the old writer; "
                            + "nba-odds-api-backfill was switched off 45 days ago. There are foreign docs and malformed ones.",
                    seeded, DemoSeeder.PROCESSORS.size(), DemoSeeder.names(DemoSeeder.Role.NO_CANONICAL).size()));

            MonitorService monitor = new MonitorService(new FirestoreMonitorStore(session.client(), coll));
            MonitorService.Limits limits = new MonitorService.Limits(config.monitor().maxDocs(), config.monitor().minScore(),
                    config.defaultExpectedInterval(), config.monitor().legacyWindow(),
                    Long.MAX_VALUE); // reads cost nothing on the emulator, where cursor skips are slow
            chapter(out, "2. heartbeat-monitor", "Read-only. The size comes from an aggregation count, the states and the "
                    + "score from canonical docs only. Here it reads the whole collection (reads are free on the emulator); "
                    + "on Firestore, above 5,000 docs, it reads the canonical docs and one doc per block of legacy docs.");
            long t = System.nanoTime();
            MonitorReport before = monitor.check(invocation.clock().instant(), limits);
            before.print(out);
            took(out, t);

            // nba-phase2 is running right now: these docs are younger than --min-age and must survive
            waitUntil(bulkDone.plus(DEMO_MIN_AGE));
            seeder.seedInFlight("nba-phase2-raw-processors", 2);

            HeartbeatConfig.Cleanup c = config.cleanup();
            CleanupService cleanup = new CleanupService(new FirestoreCleanupStore(session.client(), coll, new CleanupTuning(
                    c.pageSize(), c.batchSize(), c.concurrency(), c.maxAttempts(), c.initialBackoff(), c.maxBackoff())), invocation);
            CleanupPolicy policy = CleanupPolicy.of(invocation.clock().instant(), DEMO_MIN_AGE, c.retireAfter());
            chapter(out, "3. heartbeat-cleanup (dry run)", "The plan, from one streaming pass over the collection. In the demo "
                    + "--min-age is " + DEMO_MIN_AGE.toSeconds() + "s (two runs of nba-phase2 were written just now); in "
                    + "production it is " + dev.propsops.cli.DurationConverter.format(c.minAge()) + ".");
            t = System.nanoTime();
            CleanupPlan plan = cleanup.plan(policy, Shard.ALL);
            CleanupReport report = new CleanupReport("the demo emulator", plan, false, c.maxDeletes(), "unlimited (emulator)", Optional.empty());
            report.printPlan(out);
            took(out, t);

            chapter(out, "4. heartbeat-cleanup --execute --yes", "Canonical docs are created first (create-if-absent), then "
                    + "the second pass deletes through batched commits, each delete conditional on the doc's update time.");
            CleanupResult result = cleanup.execute(plan, RateLimiter.of(RateLimit.unlimited()));
            new CleanupReport("the demo emulator", plan, true, c.maxDeletes(), "unlimited (emulator)", Optional.of(result)).printResult(out);

            chapter(out, "5. heartbeat-monitor again", "");
            t = System.nanoTime();
            MonitorReport after = monitor.check(invocation.clock().instant(), limits);
            after.print(out);
            took(out, t);

            chapter(out, "The end", String.format(java.util.Locale.ROOT,
                    "Collection: %,d -> %,d docs. Health score: %s -> %s. Left to do in production: deploy the heartbeat fix to "
                            + "%s, then run heartbeat-cleanup again; heartbeat-monitor on a schedule keeps watch.",
                    before.size(), after.size(), score(before), score(after), String.join(", ", plan.stillWritingLegacy())));
        }
        return ExitCode.OK;
    }

    private static void took(PrintWriter out, long startNanos) {
        out.printf(java.util.Locale.ROOT, "(took %.1fs)%n", (System.nanoTime() - startNanos) / 1e9);
    }

    private static String score(MonitorReport r) {
        return r.score().isPresent() ? r.score().getAsInt() + "/100" : "n/a";
    }

    private static void chapter(PrintWriter out, String title, String text) {
        out.println();
        out.println("=== " + title + " " + "=".repeat(Math.max(3, 76 - title.length())));
        if (!text.isEmpty()) {
            out.println(wrap(text, 100));
        }
        out.println();
        out.flush();
    }

    private static String wrap(String text, int width) {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (String word : text.split(" ")) {
            if (col > 0 && col + 1 + word.length() > width) {
                sb.append(System.lineSeparator());
                col = 0;
            } else if (col > 0) {
                sb.append(' ');
                col++;
            }
            sb.append(word);
            col += word.length();
        }
        return sb.toString();
    }

    private static void waitUntil(Instant t) throws InterruptedException {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }
}
