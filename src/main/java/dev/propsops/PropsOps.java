package dev.propsops;

import dev.propsops.audit.InfraAuditCommand;
import dev.propsops.cli.BuildInfo;
import dev.propsops.cli.ErrorHandler;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.OpsCommand;
import dev.propsops.demo.DemoCommand;
import dev.propsops.drift.DriftCheckCommand;
import dev.propsops.heartbeat.HeartbeatCleanupCommand;
import dev.propsops.heartbeat.HeartbeatCommand;
import dev.propsops.heartbeat.HeartbeatMonitorCommand;
import dev.propsops.logs.LogTriageCommand;
import dev.propsops.monitoring.OwnHeartbeat;
import dev.propsops.repo.DeployDriftCommand;
import dev.propsops.repo.RepoCheckCommand;
import dev.propsops.staging.StagingPruneCommand;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The top command: lists the jobs, prints the version, and wires the one error handler. */
@Command(name = "props-ops", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Operations jobs that keep the player-props platform healthy: Firestore heartbeats, feature "
                + "drift, BigQuery staging tables, Cloud Run errors, the weekly infrastructure audit, deployment drift "
                + "against git and the repository's Dockerfile conventions.",
        subcommands = {
                HeartbeatCommand.class,
                HeartbeatCleanupCommand.class,
                HeartbeatMonitorCommand.class,
                DriftCheckCommand.class,
                StagingPruneCommand.class,
                LogTriageCommand.class,
                InfraAuditCommand.class,
                DeployDriftCommand.class,
                RepoCheckCommand.class,
                DemoCommand.class,
        },
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  done, nothing to flag",
                "  1  could not do the job (store unreachable, permission denied, ...)",
                "  2  usage or configuration error",
                "  3  done with findings at or above --fail-on, or a safety cap stopped it",
        })
public class PropsOps implements Callable<Integer>, OpsCommand.InvocationHolder {
    private Invocation invocation;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Subcommands that write no heartbeat of their own: {@code heartbeat} is the writer other processors call
     * (it has no schedule of its own, and it beats for whoever calls it: its own doc would say nothing), and
     * {@code demo} runs on a private throw-away emulator, not on a schedule; {@code deploy-drift} and
     * {@code repo-check} run in CI and on laptops, not on Cloud Run (repo-check needs no Google Cloud at all).
     */
    static final Set<String> NO_OWN_HEARTBEAT = Set.of("heartbeat", "demo", "deploy-drift", "repo-check");

    /** The command line of props-ops: the jobs, with what every job has (help, its own heartbeat). */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(PropsOps.class, factory);
        commandLine.getSubcommands().forEach((name, sub) -> {
            // every job answers --help (and --version), even when it has required options
            sub.getCommandSpec().mixinStandardHelpOptions(true);
            // every job beats for itself (--heartbeat/--no-heartbeat), new ones included, with no code of their own
            if (!NO_OWN_HEARTBEAT.contains(name)) {
                try {
                    sub.getCommandSpec().addMixin("ownHeartbeat",
                            CommandLine.Model.CommandSpec.forAnnotatedObject(factory.create(OwnHeartbeat.class), factory));
                } catch (Exception e) {
                    throw new IllegalStateException("could not create the own-heartbeat options", e);
                }
            }
        });
        return commandLine;
    }

    /** Runs props-ops with the given surroundings and arguments; returns the exit code. */
    public static int run(CommandLine.IFactory factory, Invocation invocation, String... args) {
        // en-US wherever the job runs, as the native binary always is (Quarkus builds it with the en locale only and
        // fixes user.language/user.country): a JVM run under, say, a Turkish locale would otherwise print 250.000 and
        // $5,29 where the binary and the README print 250,000 and $5.29
        Locale.setDefault(Locale.US);
        CommandLine commandLine = commandLine(factory);
        PropsOps root = commandLine.getCommand();
        root.invocation = invocation;
        ErrorHandler handler = new ErrorHandler(invocation);
        commandLine.setOut(invocation.out())
                .setErr(invocation.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler);
        try {
            return commandLine.execute(args);
        } finally {
            invocation.end();
            invocation.out().flush();
            invocation.err().flush();
        }
    }

    @Override
    public Invocation invocation() {
        return invocation;
    }

    @Override
    public Integer call() {
        invocation.err().println("props-ops: a job is required.");
        spec.commandLine().usage(invocation.err());
        return ExitCode.USAGE;
    }
}
