package dev.propsops.demo;

import static dev.propsops.demo.DemoText.chapter;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.OpsCommand;
import dev.propsops.cli.OpsException;
import dev.propsops.drift.DriftConfig;
import dev.propsops.gcp.EmulatorLocator;
import dev.propsops.gcp.GcpConfig;
import dev.propsops.heartbeat.HeartbeatConfig;
import dev.propsops.sport.SportConfig;
import dev.propsops.staging.StagingConfig;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code props-ops demo}: the three incidents of the handoff, told with the real services on generated data:
 * the heartbeat docs on a private Firestore emulator, the vegas-line drift on a DuckDB/Parquet feature store,
 * the staging tables on a __TABLES__ inventory; then the three results side by side.
 */
@Command(name = "demo", sortOptions = false, mixinStandardHelpOptions = true,
        description = "The handoff's three incidents with the real jobs on generated data, then the results side by side: "
                + "heartbeat docs on a private local "
                + "Firestore emulator (monitor, cleanup dry run, cleanup, monitor again), the vegas-line drift on a DuckDB feature "
                + "store, and the stale staging tables on an inventory file (report, expire dry run).")
public class DemoCommand extends OpsCommand {
    /** A chapter of the story. */
    public enum Chapter {
        heartbeat,
        drift,
        staging
    }

    @Option(names = "--only", paramLabel = "heartbeat|drift|staging",
            description = "Tell one chapter only. drift and staging need no emulator.")
    Chapter only;

    /** The heartbeat chapter's seed when --legacy-docs is not given. */
    static final int DEFAULT_LEGACY_DOCS = 20_000;

    @Option(names = "--legacy-docs", paramLabel = "N",
            description = "heartbeat: how many legacy per-run docs to seed (default: 20000; the incident had 106,000).")
    Integer legacyDocs;

    @Inject
    GcpConfig gcp;

    @Inject
    HeartbeatConfig heartbeats;

    @Inject
    DriftConfig drift;

    @Inject
    SportConfig sports;

    @Inject
    StagingConfig staging;

    @Override
    protected int execute(Invocation invocation) throws Exception {
        int seed = legacyDocs != null ? legacyDocs : DEFAULT_LEGACY_DOCS;
        if (seed < 0 || seed > 2_000_000) {
            throw OpsException.usage("--legacy-docs must be between 0 and 2,000,000, was " + seed);
        }
        Set<Chapter> chapters = only == null ? EnumSet.allOf(Chapter.class) : EnumSet.of(only);
        if (legacyDocs != null && !chapters.contains(Chapter.heartbeat)) {
            invocation.log().warn("--legacy-docs applies to the heartbeat chapter only; ignored for --only " + only);
        }
        if (chapters.contains(Chapter.heartbeat)) {
            requireEmulator(invocation);
        }
        PrintWriter out = invocation.out();
        long start = System.nanoTime();
        Path work = Files.createTempDirectory("props-ops-demo-");
        try {
            HeartbeatChapter.Result heartbeat = chapters.contains(Chapter.heartbeat)
                    ? new HeartbeatChapter(gcp, heartbeats, invocation).run(seed) : null;
            DriftChapter.Result driftResult = chapters.contains(Chapter.drift) ? new DriftChapter(drift, sports, invocation).run(work) : null;
            StagingChapter.Result stagingResult = chapters.contains(Chapter.staging) ? new StagingChapter(staging, invocation).run(work) : null;
            end(out, heartbeat, driftResult, stagingResult, (System.nanoTime() - start) / 1e9);
        } finally {
            deleteTree(work);
        }
        return ExitCode.OK;
    }

    /** The heartbeat chapter needs the SDK's emulator: say so before anything starts, with the chapters that do not. */
    private static void requireEmulator(Invocation invocation) {
        try {
            EmulatorLocator.forEnvironment(invocation.env()).emulatorJar();
        } catch (OpsException e) {
            throw new OpsException(e.exitCode(), "the demo's heartbeat chapter cannot run: " + e.getMessage(),
                    e.fix().map(f -> f + "; or run `demo --only drift` or `demo --only staging`, which need none")
                            .orElse("run `demo --only drift` or `demo --only staging`, which need none"));
        }
    }

    /** The last screen: each chapter's before and after on one line. */
    private void end(PrintWriter out, HeartbeatChapter.Result heartbeat, DriftChapter.Result driftResult,
            StagingChapter.Result stagingResult, double seconds) {
        chapter(out, "The end: before -> after", "");
        String row = "%-15s %s%n";
        if (heartbeat != null) {
            out.printf(row, "heartbeat", HeartbeatChapter.summary(heartbeat));
        }
        if (driftResult != null) {
            out.printf(row, "drift-check", DriftChapter.summary(driftResult));
        }
        if (stagingResult != null) {
            out.printf(row, "staging-prune", StagingChapter.summary(stagingResult));
        }
        out.println();
        StringBuilder left = new StringBuilder();
        if (heartbeat != null) {
            left.append("Heartbeats: deploy the fix to ").append(String.join(", ", heartbeat.stillWritingLegacy()))
                    .append(", then run heartbeat-cleanup again; heartbeat-monitor on a schedule keeps watch. ");
        }
        if (driftResult != null) {
            left.append("Drift: rebuild the 2025-26 feature store with the prop lines; drift-check runs daily and fails the run on a "
                    + "critical finding. ");
        }
        if (stagingResult != null) {
            left.append("Staging: run staging-prune --action expire --execute against BigQuery, and lifecycle on a schedule. ");
        }
        DemoText.paragraph(out, "Left to do in production: " + left.toString().trim());
        out.printf(java.util.Locale.ROOT, "(the demo took %.1fs)%n", seconds);
        out.flush();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind loses nothing
        }
    }
}
