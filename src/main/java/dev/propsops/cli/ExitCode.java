package dev.propsops.cli;

/**
 * The exit codes every props-ops command returns. Cloud Run marks any non-zero execution as failed,
 * which is what raises the alert, so "findings" is deliberately non-zero.
 */
public final class ExitCode {
    /** Done, nothing to flag. */
    public static final int OK = 0;
    /** Could not do the job: unreachable store, permission denied, unexpected error. */
    public static final int FAILED = 1;
    /** Usage or configuration error. */
    public static final int USAGE = 2;
    /** Done, but findings at or above --fail-on, or a safety cap stopped the run. */
    public static final int FINDINGS = 3;

    private ExitCode() {
    }
}
