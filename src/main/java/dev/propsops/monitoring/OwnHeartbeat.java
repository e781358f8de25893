package dev.propsops.monitoring;

import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Explanation;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.RunHook;
import dev.propsops.gcp.FirestoreSession;
import dev.propsops.gcp.GcpConfig;
import dev.propsops.heartbeat.Heartbeat;
import dev.propsops.heartbeat.HeartbeatConfig;
import dev.propsops.heartbeat.HeartbeatStatus;
import dev.propsops.heartbeat.HeartbeatWriter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * props-ops' own heartbeat: every job (the top command adds this mixin to each) writes
 * {@code props-ops-<job>[-<sport>]} through the one {@link HeartbeatWriter}: {@code running} when it
 * starts, then {@code completed} (exit 0, or 3: the job did its work and reported findings) or
 * {@code failed} (exit 1 or 2), with the exit code in the message. heartbeat-monitor then shows the jobs
 * like any processor, and one that stops running turns late, then stale.
 *
 * <p>On by default on Cloud Run, off elsewhere. A beat that cannot be written is a WARNING and never the
 * job's failure; each write is bounded by {@code ops.monitoring.own-heartbeat.timeout}, and after one
 * failed write the run tries no more (it would only wait again).
 */
@Dependent
@Unremovable
public class OwnHeartbeat implements RunHook {
    /** The expected interval of the job, from its schedule: the Cloud Run job spec sets it from the trigger's cron. */
    public static final String INTERVAL_ENV = "PROPS_OPS_EXPECTED_INTERVAL";
    /** Set by Cloud Run for each execution: the run id of the beat. */
    static final String EXECUTION_ENV = "CLOUD_RUN_EXECUTION";

    @Option(names = "--heartbeat", negatable = true,
            description = "Write this job's own heartbeat doc props-ops-<job>[-<sport>]: running, then completed or failed "
                    + "with the exit code (default: on on Cloud Run, off elsewhere). A failed write is a warning only.")
    Boolean heartbeat;

    @Inject
    GcpConfig gcp;

    @Inject
    HeartbeatConfig heartbeats;

    @Inject
    MonitoringConfig config;

    private Invocation invocation;
    private FirestoreSession session;
    private HeartbeatWriter writer;
    private String processor;
    private String runId;
    private Optional<Duration> interval = Optional.empty();

    /** The doc id of a job's own heartbeat. */
    public static String processorName(String job, Optional<String> sport) {
        return "props-ops-" + job + sport.map(s -> "-" + s.toLowerCase(Locale.ROOT)).orElse("");
    }

    @Override
    public void started(CommandSpec job, Invocation invocation) {
        this.invocation = invocation;
        if (!(heartbeat != null ? heartbeat : invocation.onCloudRun())) {
            return;
        }
        processor = processorName(job.name(), value(job, "--sport").map(Object::toString));
        if (value(job, "--emulator").filter(Boolean.TRUE::equals).isPresent()) {
            invocation.log().info("own heartbeat " + processor + " not written: --emulator runs on a private emulator");
            return;
        }
        interval = interval(invocation);
        runId = invocation.env(EXECUTION_ENV).orElse("local-" + invocation.clock().millis());
        try {
            session = FirestoreSession.open(value(job, "--project").map(Object::toString).filter(p -> !p.isBlank()), false, gcp,
                    invocation);
            writer = new HeartbeatWriter(session.client(), heartbeats.collection(), config.ownHeartbeat().timeout());
        } catch (RuntimeException e) {
            giveUp("could not be written", e);
            return;
        }
        beat(HeartbeatStatus.running, "started");
    }

    @Override
    public void ended(int exitCode, Optional<Throwable> failure) {
        if (writer == null) {
            return;
        }
        boolean didItsWork = exitCode == ExitCode.OK || exitCode == ExitCode.FINDINGS;
        String what = failure.map(f -> ErrorExplainer.explain(f).message())
                .orElse(exitCode == ExitCode.OK ? "done" : exitCode == ExitCode.FINDINGS ? "done, with findings or a safety cap"
                        : "ended");
        beat(didItsWork ? HeartbeatStatus.completed : HeartbeatStatus.failed, "exit " + exitCode + ": " + abbreviate(what));
        close();
    }

    private void beat(HeartbeatStatus status, String message) {
        try {
            writer.beat(new Heartbeat(processor, status, Optional.of(runId), Optional.empty(), Optional.of(message), interval));
        } catch (RuntimeException e) {
            giveUp("(" + status + ") could not be written", e);
        }
    }

    private void giveUp(String what, RuntimeException e) {
        Explanation x = ErrorExplainer.explain(e);
        invocation.log().warn("own heartbeat " + processor + " " + what + ": " + x.message()
                + x.fix().map(f -> " (fix: " + f + ")").orElse("") + "; the job goes on without it");
        close();
    }

    private void close() {
        writer = null;
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException ignored) {
                // the beat is what mattered; closing a client that failed is not worth a second warning
            }
            session = null;
        }
    }

    private Optional<Duration> interval(Invocation invocation) {
        Optional<String> raw = invocation.env(INTERVAL_ENV);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration d = DurationConverter.parse(raw.get());
            if (!d.isNegative() && !d.isZero()) {
                return Optional.of(d);
            }
        } catch (RuntimeException e) {
            // reported below
        }
        invocation.log().warn(INTERVAL_ENV + "='" + raw.get() + "' is not a positive duration (e.g. 30m, 24h, 7d): the own "
                + "heartbeat is written without an expected interval");
        return Optional.empty();
    }

    private static Optional<Object> value(CommandSpec job, String option) {
        OptionSpec o = job.findOption(option);
        return o == null ? Optional.empty() : Optional.ofNullable(o.getValue());
    }

    private static String abbreviate(String s) {
        String line = s.lines().findFirst().orElse(s);
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}
