package dev.propsops.audit;

import java.util.List;
import java.util.Optional;

/**
 * How one check went: it ran (its findings, plus notes on what it read), ran in part ({@code problems} says
 * what could not be read, so the report never reads clean after a failure), or was skipped with the reason
 * and the fix.
 */
public record CheckResult(String check, String title, Status status, String source, List<Finding> findings,
        List<String> notes, List<String> problems, Optional<String> reason, Optional<String> fix) {
    public enum Status {
        OK("ok"),
        PARTIAL("partial"),
        SKIPPED("skipped");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public CheckResult {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    /** A check that ran; partial when some of what it reads could not be read. */
    public static CheckResult ran(AuditCheck check, String source, List<Finding> findings, List<String> notes, List<String> problems) {
        return new CheckResult(check.id(), check.title(), problems.isEmpty() ? Status.OK : Status.PARTIAL, source, findings,
                notes, problems, Optional.empty(), Optional.empty());
    }

    public static CheckResult skipped(AuditCheck check, String reason, Optional<String> fix) {
        return new CheckResult(check.id(), check.title(), Status.SKIPPED, "", List.of(), List.of(), List.of(),
                Optional.of(reason), fix);
    }

    public boolean ran() {
        return status != Status.SKIPPED;
    }
}
