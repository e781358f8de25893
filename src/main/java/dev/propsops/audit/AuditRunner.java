package dev.propsops.audit;

import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.Explanation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the chosen checks one after another, each on its own: whatever one throws (a missing file, a
 * permission, a disabled API, a quota, a bug) makes that check "skipped" with the reason and the fix, and the
 * next check runs.
 */
public final class AuditRunner {
    private AuditRunner() {
    }

    public static List<CheckResult> run(List<AuditCheck> checks, AuditContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (AuditCheck check : checks) {
            long t0 = System.nanoTime();
            CheckResult r = runOne(check, context);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            context.invocation().log().info("check " + check.id() + ": " + r.status().key()
                    + (r.ran() ? ", " + r.findings().size() + " finding(s)" : ": " + r.reason().orElse("")) + " (" + ms + " ms)");
            results.add(r);
        }
        return results;
    }

    static CheckResult runOne(AuditCheck check, AuditContext context) {
        try {
            return check.run(context);
        } catch (CheckSkipped e) {
            Optional<String> fix = Optional.ofNullable(e.fix());
            if (fix.isEmpty() && e.getCause() != null) {
                fix = ErrorExplainer.explain(e.getCause()).fix();
            }
            return CheckResult.skipped(check, e.reason(), fix);
        } catch (RuntimeException e) {
            Explanation x = ErrorExplainer.explain(e);
            Optional<String> fix = x.fix();
            // a malformed export file: the fix is the command that writes it again
            if (e instanceof dev.propsops.cli.JsonRecords.RecordFileException bad
                    && context.sources() instanceof dev.propsops.audit.sources.ExportSources export) {
                fix = export.commandFor(bad.file()).map(c -> "write it again: " + c).or(() -> x.fix());
            }
            return CheckResult.skipped(check, x.message(), fix);
        }
    }
}
