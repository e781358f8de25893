package dev.propsops;

import dev.propsops.cli.BuildInfo;
import dev.propsops.cli.ErrorHandler;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.OpsCommand;
import dev.propsops.drift.DriftCheckCommand;
import dev.propsops.heartbeat.HeartbeatCleanupCommand;
import dev.propsops.heartbeat.HeartbeatCommand;
import dev.propsops.heartbeat.HeartbeatMonitorCommand;
import dev.propsops.heartbeat.demo.DemoCommand;
import dev.propsops.repo.DeployDriftCommand;
import dev.propsops.repo.RepoCheckCommand;
import dev.propsops.staging.StagingPruneCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command: lists the jobs, prints the version, and wires the one error handler. */
@Command(name = "props-ops", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Operations jobs that keep the player-props platform healthy (Firestore heartbeats, "
                + "feature drift, BigQuery staging tables).",
        subcommands = {
                HeartbeatCommand.class,
                HeartbeatCleanupCommand.class,
                HeartbeatMonitorCommand.class,
                DriftCheckCommand.class,
                StagingPruneCommand.class,
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

    /** Runs props-ops with the given surroundings and arguments; returns the exit code. */
    public static int run(CommandLine.IFactory factory, Invocation invocation, String... args) {
        CommandLine commandLine = new CommandLine(PropsOps.class, factory);
        // every job answers --help (and --version), even when it has required options
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true));
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
