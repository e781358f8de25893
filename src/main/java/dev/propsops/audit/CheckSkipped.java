package dev.propsops.audit;

/**
 * Thrown by a check or a source when the check cannot run here (no export file, API disabled, a permission
 * missing): the runner reports the check as skipped with the reason and the fix, and the other checks run.
 */
public class CheckSkipped extends RuntimeException {
    private final String fix;

    public CheckSkipped(String reason, String fix) {
        super(reason);
        this.fix = fix;
    }

    public CheckSkipped(String reason, String fix, Throwable cause) {
        super(reason, cause);
        this.fix = fix;
    }

    public String reason() {
        return getMessage();
    }

    public String fix() {
        return fix;
    }
}
