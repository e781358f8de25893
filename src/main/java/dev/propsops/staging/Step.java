package dev.propsops.staging;

/** What a run does, or would do, to one table. */
public enum Step {
    /** Nothing: not a candidate, or nothing left to do. */
    NONE("none"),
    /** A candidate listed by a report run. */
    REPORT("report"),
    /** Set an expiration --grace from now. */
    EXPIRE("expire"),
    /** Delete now. */
    DELETE("delete"),
    /** Lifecycle: give a table without an expiration one. */
    SET_EXPIRATION("set_expiration"),
    /** Lifecycle: push out an expiration props-ops set, because the table was modified since. */
    EXTEND_EXPIRATION("extend_expiration");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for the steps that change a table; these count against --max-tables. */
    public boolean mutates() {
        return this == EXPIRE || this == DELETE || this == SET_EXPIRATION || this == EXTEND_EXPIRATION;
    }
}
