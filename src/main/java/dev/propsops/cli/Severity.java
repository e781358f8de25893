package dev.propsops.cli;

/** How bad a finding is; ordered, so the worst of a run decides its exit code. */
public enum Severity {
    ok,
    warn,
    critical;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Severity worst(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
