package dev.propsops.cli;

import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Something that happens around every run of a job, whatever the job: a mixin added to the subcommands by
 * the top command implements it, and {@link OpsCommand} calls it before and after {@code execute}. A hook
 * must never change the job's outcome: it reports its own troubles as warnings.
 */
public interface RunHook {
    /** Before the job runs; {@code job} is the parsed subcommand. */
    void started(CommandSpec job, Invocation invocation);

    /** After it: the exit code the run ends with, and the failure when it threw. */
    void ended(int exitCode, Optional<Throwable> failure);
}
