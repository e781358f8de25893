package dev.propsops.heartbeat;

import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.ExecuteOptions;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.Json;
import dev.propsops.cli.OpsCommand;
import dev.propsops.cli.OpsException;
import dev.propsops.cli.OutputOptions;
import dev.propsops.gcp.FirestoreSession;
import dev.propsops.gcp.GcpConfig;
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
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code props-ops heartbeat-cleanup}: plan, then (with --execute) clean the heartbeat collection. */
@Command(name = "heartbeat-cleanup", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Remove legacy per-run heartbeat docs (<processor>_<date>_<run_id>), keep one doc per processor "
                + "(copying the newest legacy doc where it is missing), retire processors silent past --retire-after. "
                + "A dry run unless --execute.")
public class HeartbeatCleanupCommand extends OpsCommand {
    @Mixin
    ExecuteOptions execute;

    @Option(names = "--min-age", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Keep legacy docs written more recently than this: runs in flight (default: 1h, key ops.heartbeat.cleanup.min-age).")
    Duration minAge;

    @Option(names = "--retire-after", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Retire (delete) processors silent for longer than this (default: 30d, key ops.heartbeat.cleanup.retire-after).")
    Duration retireAfter;

    @Option(names = "--max-deletes", paramLabel = "N",
            description = "Stop before any delete when the plan deletes more than N docs; exit 3 (default: 250000, key ops.heartbeat.cleanup.max-deletes).")
    Long maxDeletes;

    @Option(names = "--max-ops-per-second", paramLabel = "N",
            description = "Fixed cap on deletes per second across all tasks; 0 = unlimited. Default: on Firestore, 500/s growing "
                    + "50%% every 5 minutes (the 500/50/5 rule) up to 10,000/s (key ops.heartbeat.cleanup.ops-per-second-ceiling); "
                    + "on an emulator, unlimited.")
    Double maxOpsPerSecond;

    @Mixin
    HeartbeatCollectionOptions heartbeats;

    @Mixin
    OutputOptions output;

    @Inject
    GcpConfig gcp;

    @Inject
    HeartbeatConfig config;

    @Override
    protected int execute(Invocation invocation) {
        execute.checkUsable(invocation);
        HeartbeatConfig.Cleanup c = config.cleanup();
        String coll = heartbeats.collection(config);
        long cap = positive(maxDeletes != null ? maxDeletes : c.maxDeletes(), "--max-deletes");
        if (maxOpsPerSecond != null && (maxOpsPerSecond < 0 || maxOpsPerSecond.isNaN())) {
            throw OpsException.usage("--max-ops-per-second must be 0 (unlimited) or more, was " + maxOpsPerSecond);
        }
        CleanupPolicy policy = policy(invocation, c);
        Shard shard = Shard.fromEnvironment(invocation);
        CleanupTuning tuning = new CleanupTuning(c.pageSize(), c.batchSize(), c.concurrency(), c.maxAttempts(),
                c.initialBackoff(), c.maxBackoff());

        try (FirestoreSession session = heartbeats.open(gcp, invocation)) {
            RateLimit rate = rateLimit(session.target().onEmulator(), c).dividedAmong(shard.count());
            FirestoreCleanupStore store = new FirestoreCleanupStore(session.client(), coll, tuning.pacedBy(rate));
            CleanupService service = new CleanupService(store, invocation);
            // with --yes and a collection no larger than the cap, the plan cannot exceed it: plan and act in one stream
            if (execute.execute() && execute.yes()) {
                long total = service.count();
                if (total <= cap) {
                    CleanupService.Outcome outcome = service.planAndExecute(policy, shard, RateLimiter.of(rate), total);
                    return finishRun(invocation, new CleanupReport(store.describe(), outcome.plan(), true, cap, rate.describe(),
                            Optional.of(outcome.result())));
                }
            }
            CleanupPlan plan = service.plan(policy, shard);
            CleanupReport report = new CleanupReport(store.describe(), plan, execute.execute(), cap, rate.describe(), Optional.empty());
            if (!output.json()) {
                report.printPlan(invocation.out());
            }
            if (report.stoppedByMaxDeletes()) {
                invocation.log().error("the plan deletes " + plan.toDelete() + " docs, over --max-deletes " + cap + ": nothing was deleted");
                return finish(invocation, report, ExitCode.FINDINGS);
            }
            if (plan.toDelete() > 0 && execute.confirm(invocation, "Delete " + plan.toDelete() + " docs from " + coll
                    + (plan.toMigrate().isEmpty() ? "" : " after creating " + plan.toMigrate().size() + " canonical docs") + "?")) {
                CleanupResult result = service.execute(plan, RateLimiter.of(rate));
                report = new CleanupReport(report.where(), plan, true, cap, report.rate(), Optional.of(result));
                if (!output.json()) {
                    report.printResult(invocation.out());
                }
                return finishRun(invocation, report);
            }
            return finish(invocation, report, plan.stillWritingLegacy().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS);
        }
    }

    /** After deletes: the report, exit 3 for processors still on the old writer, exit 1 when a migration failed. */
    private int finishRun(Invocation invocation, CleanupReport report) {
        if (!output.json() && report.result().map(CleanupResult::streamed).orElse(false)) {
            report.printPlan(invocation.out());
            report.printResult(invocation.out());
        }
        int code = finish(invocation, report, report.plan().stillWritingLegacy().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS);
        CleanupResult result = report.result().orElseThrow();
        if (!result.migrations().failed().isEmpty()) {
            throw OpsException.failed("could not create the canonical doc of " + String.join(", ", result.migrations().failed().keySet())
                    + ", so their legacy docs were kept", "see the reasons above, fix them and rerun: the rest is done", null);
        }
        return code;
    }

    private int finish(Invocation invocation, CleanupReport report, int code) {
        if (output.json()) {
            Json.print(invocation, report.toJson());
        }
        if (!report.plan().stillWritingLegacy().isEmpty()) {
            invocation.log().warn("deploy the heartbeat fix to " + String.join(", ", report.plan().stillWritingLegacy())
                    + ": still writing per-run legacy docs");
        }
        return code;
    }

    private CleanupPolicy policy(Invocation invocation, HeartbeatConfig.Cleanup c) {
        Duration min = minAge != null ? minAge : c.minAge();
        Duration retire = retireAfter != null ? retireAfter : c.retireAfter();
        if (retire.compareTo(min) <= 0 || retire.compareTo(CleanupPolicy.STILL_RUNNING_WINDOW) < 0) {
            throw OpsException.usage("--retire-after " + DurationConverter.format(retire) + " must be at least 24h and longer than --min-age "
                    + DurationConverter.format(min), "the default is 30d: retire only processors that are truly gone");
        }
        return CleanupPolicy.of(invocation.clock().instant(), min, retire);
    }

    private RateLimit rateLimit(boolean onEmulator, HeartbeatConfig.Cleanup c) {
        if (maxOpsPerSecond != null) {
            return maxOpsPerSecond == 0 ? RateLimit.unlimited() : RateLimit.fixed(maxOpsPerSecond);
        }
        if (onEmulator || c.opsPerSecond() <= 0) {
            return RateLimit.unlimited();
        }
        return new RateLimit(c.opsPerSecond(), RateLimit.RAMP_GROWTH, RateLimit.RAMP_EVERY,
                Math.max(c.opsPerSecond(), c.opsPerSecondCeiling()));
    }

    private static long positive(long n, String flag) {
        if (n < 0) {
            throw OpsException.usage(flag + " must be 0 or more, was " + n);
        }
        return n;
    }
}
