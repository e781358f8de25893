package dev.propsops.cli;

import java.io.IOException;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The safety switches of every destructive job: a dry run is the default; {@code --execute} acts; on a
 * terminal a person confirms unless {@code --yes}; with no terminal, {@code --execute} needs {@code --yes}.
 */
public class ExecuteOptions {
    @Option(names = "--execute", description = "Act on the plan. Without it the job is a dry run that changes nothing.")
    boolean execute;

    @Option(names = "--yes", description = "Do not ask for confirmation (required with --execute when there is no terminal).")
    boolean yes;

    public boolean execute() {
        return execute;
    }

    /** {@code --yes}: act without a prompt. */
    public boolean yes() {
        return yes;
    }

    /**
     * Refuses, before any work, an {@code --execute} that could never be confirmed: without a terminal to
     * ask and without {@code --yes}.
     */
    public void checkUsable(Invocation invocation) {
        if (execute && !yes && !invocation.interactive()) {
            throw OpsException.usage("--execute without --yes needs a terminal to confirm, and there is none",
                    "add --yes to act without a prompt (as the Cloud Run jobs do), or drop --execute for a dry run");
        }
        if (yes && !execute) {
            invocation.log().warn("--yes has no effect without --execute: this is a dry run");
        }
    }

    /**
     * Whether to act on the plan just shown: false for a dry run; true with --yes; otherwise asks on the
     * terminal and throws when the answer is not yes.
     */
    public boolean confirm(Invocation invocation, String question) {
        if (!execute) {
            return false;
        }
        checkUsable(invocation);
        if (yes) {
            return true;
        }
        invocation.err().print(question + " [y/N] ");
        invocation.err().flush();
        String answer;
        try {
            answer = invocation.in().readLine();
        } catch (IOException e) {
            answer = null;
        }
        String a = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
        if (a.equals("y") || a.equals("yes")) {
            return true;
        }
        throw new OpsException(ExitCode.FAILED, "not confirmed at the prompt: nothing was changed",
                "answer y to act, or pass --yes");
    }
}
