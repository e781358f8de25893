package dev.propsops.logs;

import dev.propsops.cli.Invocation;
import dev.propsops.logs.findings.Finding;
import dev.propsops.logs.findings.PermissionRoles;
import dev.propsops.logs.findings.Rules;
import dev.propsops.logs.findings.ServiceAccounts;
import dev.propsops.logs.report.TriageReport;
import dev.propsops.logs.source.LogSource;
import dev.propsops.logs.source.ReadResult;
import dev.propsops.logs.source.Window;
import dev.propsops.logs.triage.Assignments;
import dev.propsops.logs.triage.Triage;
import dev.propsops.logs.triage.TriageResult;
import dev.propsops.logs.triage.TriageSettings;
import java.util.List;
import java.util.Optional;

/**
 * log-triage as a service (the command and infra-audit call it): reads the window and its baseline from a
 * {@link LogSource}, triages the entries, applies the rules, and returns the report. A read that fails
 * before delivering anything is thrown; one that fails later is in the report, which then says it is
 * partial (never "no errors").
 */
public final class LogTriageService {
    /**
     * What to triage.
     *
     * @param window the window; empty with a file = the whole file
     * @param compareWithBaseline {@code --baseline previous-window}: compare with the window just before
     * @param project the project, for the fix of a permission error whose resource names none
     */
    public record Request(Optional<Window> window, boolean compareWithBaseline, long maxEntries, int top,
            TriageSettings settings, Optional<String> project) {
    }

    private final LogSource source;
    private final ServiceAccounts accounts;
    private final PermissionRoles roles;
    private final Invocation invocation;

    public LogTriageService(LogSource source, ServiceAccounts accounts, PermissionRoles roles, Invocation invocation) {
        this.source = source;
        this.accounts = accounts;
        this.roles = roles;
        this.invocation = invocation;
    }

    public TriageReport run(Request request, Assignments assignments) {
        Optional<Window> baselineWindow = request.compareWithBaseline() ? request.window().map(Window::previous) : Optional.empty();
        Triage triage = new Triage(request.settings(), request.window(), baselineWindow, assignments);
        ReadResult current;
        Optional<ReadResult> baseline = Optional.empty();
        Optional<String> note = Optional.empty();
        if (source.readsByWindow()) {
            Window w = request.window().orElseThrow(() -> new IllegalArgumentException("Cloud Logging is read by window"));
            current = source.read(w, request.maxEntries(), true, triage);
            failIfNothingRead(current);
            if (baselineWindow.isPresent() && !current.failed()) {
                invocation.log().info("reading the baseline window " + baselineWindow.get());
                ReadResult b = source.read(baselineWindow.get(), request.maxEntries(), false, triage);
                baseline = Optional.of(b);
                if (b.failed()) {
                    note = Optional.of("the baseline read failed: " + dev.propsops.cli.ErrorExplainer.explain(b.failure().get()).message()
                            + "; no new-pattern or spike findings");
                }
            }
        } else {
            current = source.read(request.window().orElse(null), request.maxEntries(), true, triage);
        }
        TriageResult result = triage.finish();
        boolean baselineRead;
        if (!request.compareWithBaseline()) {
            baselineRead = false;
        } else if (source.readsByWindow()) {
            baselineRead = baseline.isPresent() && !baseline.get().failed();
            if (current.failed()) {
                note = Optional.of("not read: the window's read failed");
            }
        } else if (request.window().isEmpty()) {
            baselineRead = false;
            note = Optional.of("a file read whole has no baseline: pass --since or --from/--to to compare with the window before it");
        } else {
            baselineRead = result.baselineEntries() > 0;
            if (!baselineRead) {
                note = Optional.of("the file has no entries in the baseline window: no new-pattern or spike findings");
            }
        }
        List<Finding> findings = new Rules(request.settings(), roles, accounts, request.project()).findings(result, baselineRead);
        return new TriageReport(source.describe(), request.project(), request.window().flatMap(source::filterFor),
                request.settings().minSeverity().name(), request.settings().services(), request.compareWithBaseline() ? "previous-window" : "none",
                baselineRead, note, current, baseline, request.maxEntries(), result, findings, request.top(), assignments.describe(),
                assignments.written(), accounts.describe() + accounts.problem().map(p -> " (" + p + ")").orElse(""));
    }

    private static void failIfNothingRead(ReadResult r) {
        if (r.failed() && r.entries() == 0) {
            throw r.failure().get();
        }
    }
}
