package dev.propsops.cli;

import picocli.CommandLine.Option;

/** {@code --fail-on warn|critical}: the severity at which a check exits 3 (default critical). */
public class FailOnOptions {
    /** The levels one can fail on; "ok" would fail every run. */
    public enum Level {
        warn,
        critical
    }

    @Option(names = "--fail-on", paramLabel = "warn|critical", defaultValue = "critical",
            description = "Exit 3 when a finding reaches this severity (default: critical).")
    Level failOn = Level.critical;

    public Severity threshold() {
        return failOn == Level.warn ? Severity.warn : Severity.critical;
    }

    /** {@link ExitCode#FINDINGS} when the worst finding reaches the threshold, else {@link ExitCode#OK}. */
    public int exitCodeFor(Severity worst) {
        return worst.atLeast(threshold()) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
