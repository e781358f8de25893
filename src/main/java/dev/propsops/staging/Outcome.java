package dev.propsops.staging;

import java.util.Optional;

/** What became of one planned step. */
public record Outcome(Status status, Optional<String> detail) {
    public enum Status {
        /** Not a change: nothing to do. */
        NONE("none"),
        /** A dry run: the step was planned, not taken. */
        PLANNED("planned"),
        /** The plan exceeded --max-tables: nothing was done. */
        CAPPED("capped"),
        DONE("done"),
        /** Not taken after all: the table changed or vanished since the plan. */
        SKIPPED("skipped"),
        FAILED("failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Outcome of(Status status) {
        return new Outcome(status, Optional.empty());
    }

    public static Outcome of(Status status, String detail) {
        return new Outcome(status, Optional.of(detail));
    }
}
