package dev.propsops.cli;

import java.util.Optional;

/**
 * An error props-ops understands: it carries the exit code, a message that names what failed and on which
 * resource, and, when known, the fix. The top-level handler prints it; nothing else needs to.
 */
public class OpsException extends RuntimeException {
    private final int exitCode;
    private final String fix;

    public OpsException(int exitCode, String message, String fix, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.fix = fix;
    }

    public OpsException(int exitCode, String message, String fix) {
        this(exitCode, message, fix, null);
    }

    /** A usage or configuration error (exit 2). */
    public static OpsException usage(String message) {
        return new OpsException(ExitCode.USAGE, message, null);
    }

    /** A usage or configuration error (exit 2) with the fix. */
    public static OpsException usage(String message, String fix) {
        return new OpsException(ExitCode.USAGE, message, fix);
    }

    /** The job could not be done (exit 1). */
    public static OpsException failed(String message, String fix, Throwable cause) {
        return new OpsException(ExitCode.FAILED, message, fix, cause);
    }

    public int exitCode() {
        return exitCode;
    }

    public Optional<String> fix() {
        return Optional.ofNullable(fix);
    }
}
