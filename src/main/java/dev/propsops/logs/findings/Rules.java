package dev.propsops.logs.findings;

import dev.propsops.logs.triage.Occurrences;
import dev.propsops.logs.triage.Pattern;
import dev.propsops.logs.triage.Triage;
import dev.propsops.logs.triage.TriageResult;
import dev.propsops.logs.triage.TriageSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what a triage saw into findings (the rules are defined in the README, section log-triage):
 * no-message (HIGH, per service and revision), permission-denied (MEDIUM, per service, permission and
 * resource), new-pattern and spike (MEDIUM, per pattern, only when a baseline was read), recurring (LOW,
 * one per service for the rest). A pattern whose events are all reported by a no-message or permission
 * finding is not reported again. Plain logic, no I/O.
 */
public final class Rules {
    public static final String NO_MESSAGE_FIX = "log the exception with its type and traceback in the failing except/catch "
            + "block (Python: logger.exception(\"what failed\") or traceback.format_exc(); Java: log.error(\"what failed\", e)), "
            + "and never print str(e) alone: it is empty for many exceptions";

    private final TriageSettings settings;
    private final PermissionRoles roles;
    private final ServiceAccounts accounts;
    private final Optional<String> runProject;

    public Rules(TriageSettings settings, PermissionRoles roles, ServiceAccounts accounts, Optional<String> runProject) {
        this.settings = settings;
        this.roles = roles;
        this.accounts = accounts;
        this.runProject = runProject;
    }

    /** The findings, worst first, then by count. {@code baselineRead}: the baseline window was read. */
    public List<Finding> findings(TriageResult result, boolean baselineRead) {
        List<Finding> out = new ArrayList<>();
        for (Triage.NoMessageTally t : result.noMessage()) {
            out.add(noMessage(t));
        }
        for (Triage.PermissionTally t : result.permissions()) {
            out.add(permission(t));
        }
        double ratio = baselineRead ? baselineScale(result) : 0;
        for (List<Pattern> service : result.patterns().values()) {
            long recurringPatterns = 0;
            long recurringEvents = 0;
            Pattern biggest = null;
            for (Pattern p : service) {
                Occurrences seen = p.seen();
                if (seen.count() == 0 || p.covered() >= seen.count()) {
                    continue;
                }
                if (baselineRead && seen.count() >= settings.minEvents() && seen.baseline() == 0) {
                    out.add(patternFinding(Rule.NEW_PATTERN, p, "new pattern: " + seen.count() + " events of a pattern absent from the baseline",
                            "look at the sample: a new kind of error since the baseline window (a deploy, an upstream change?)"));
                } else if (baselineRead && seen.count() >= settings.minEvents() && seen.baseline() > 0
                        && seen.count() >= settings.spikeFactor() * seen.baseline() * ratio) {
                    double factor = seen.count() / (seen.baseline() * ratio);
                    out.add(patternFinding(Rule.SPIKE, p, String.format(Locale.ROOT, "spike: %d events, %.1fx the baseline rate (%d events)",
                            seen.count(), factor, seen.baseline()), "the pattern is much more frequent than in the baseline window: "
                            + "look for what changed (deploy, traffic, an upstream service)"));
                } else {
                    recurringPatterns++;
                    recurringEvents += seen.count();
                    if (biggest == null || seen.count() > biggest.seen().count()) {
                        biggest = p;
                    }
                }
            }
            if (recurringPatterns > 0) {
                Occurrences b = biggest.seen();
                out.add(Finding.of(Rule.RECURRING, biggest.service(), recurringEvents, b.first(), b.last(), b.sampleInsertId(),
                        b.sample(), recurringPatterns + " recurring pattern(s), " + recurringEvents + " events (the largest: "
                        + biggest.template() + ")", "known errors: see the top patterns; fix the largest first")
                        .withPatterns(recurringPatterns));
            }
        }
        out.sort(Comparator.comparing(Finding::rating).reversed().thenComparing(Comparator.comparingLong(Finding::count).reversed())
                .thenComparing(Finding::service));
        return out;
    }

    /** Baseline events scale to the window's length by this factor (1 when the windows have the same length). */
    private static double baselineScale(TriageResult r) {
        if (r.current().isPresent() && r.baseline().isPresent()) {
            return r.current().get().hours() / r.baseline().get().hours();
        }
        return 1.0;
    }

    private Finding noMessage(Triage.NoMessageTally t) {
        Occurrences o = t.seen();
        String where = t.service() + (t.revision().isEmpty() ? "" : " (revision " + t.revision() + ")");
        String literal = o.sample().strip().isEmpty() ? "an empty message" : "messages like \"" + firstLine(o.sample()) + "\"";
        return Finding.of(Rule.NO_MESSAGE, t.service(), o.count(), o.first(), o.last(), o.sampleInsertId(), o.sample(),
                "no message: " + o.count() + " errors from " + where + " with " + literal + " (no exception type, no traceback)",
                NO_MESSAGE_FIX).withRevision(t.revision());
    }

    private Finding permission(Triage.PermissionTally t) {
        Occurrences o = t.seen();
        PermissionDenied.Denial d = t.denial();
        Optional<PermissionRoles.Grant> grant = d.permission().flatMap(roles::lookup);
        String project = d.resourceProject().or(() -> Optional.of(t.entryProject()).filter(p -> !p.isEmpty())).or(() -> runProject)
                .orElse("PROJECT");
        Optional<ServiceAccounts.Account> account = accounts.lookup(t.service(), t.location());
        Optional<String> email = account.filter(a -> a instanceof ServiceAccounts.Named).map(a -> ((ServiceAccounts.Named) a).email());
        StringBuilder summary = new StringBuilder("permission denied: ").append(o.count()).append(" errors from ").append(t.service())
                .append(": ").append(d.permission().map(p -> "'" + p + "'").orElse("a permission the error does not name"))
                .append(d.resource().map(r -> " on '" + r + "'").orElse(""));
        String fix;
        Optional<String> command = Optional.empty();
        if (grant.isPresent()) {
            String member = email.map(e -> "serviceAccount:" + e).orElse(account.isPresent()
                    ? "serviceAccount:PROJECT_NUMBER-compute@developer.gserviceaccount.com" : "serviceAccount:SERVICE_ACCOUNT");
            command = Optional.of("gcloud projects add-iam-policy-binding " + project + " --member=" + member + " --role=" + grant.get().role());
            summary.append("; ").append(grant.get().role()).append(" grants it");
            if (email.isPresent()) {
                fix = "grant " + grant.get().role() + " to " + email.get() + ": " + command.get();
            } else if (account.isPresent()) {
                fix = t.service() + " runs as the Compute Engine default service account (it sets none); grant it " + grant.get().role()
                        + " (its number: gcloud projects describe " + project + " --format='value(projectNumber)'), or better give the "
                        + "service an account of its own: " + command.get();
            } else {
                fix = "grant " + grant.get().role() + " to the account " + t.service() + " runs as: " + command.get() + "  (find SERVICE_ACCOUNT with: "
                        + howToFindAccount(t.service(), t.location()) + accounts.problem().map(p -> "; " + p).orElse("") + ")";
            }
        } else if (d.permission().isPresent()) {
            fix = "'" + d.permission().get() + "' is not in log-triage's table of roles (src/main/resources/logs/permission-roles.tsv): "
                    + "find the smallest predefined role that has it in https://cloud.google.com/iam/docs/roles-permissions and grant it to "
                    + email.orElse("the account " + t.service() + " runs as");
        } else {
            fix = "the error does not name the permission: read the sample and the API's documentation for the call that failed, then "
                    + "grant the smallest predefined role that has it to " + email.orElse("the account " + t.service() + " runs as");
        }
        return Finding.of(Rule.PERMISSION_DENIED, t.service(), o.count(), o.first(), o.last(), o.sampleInsertId(), o.sample(),
                summary.toString(), fix).withPermission(d.permission(), d.resource(), grant.map(PermissionRoles.Grant::role), email, command);
    }

    static String howToFindAccount(String service, String region) {
        String r = region == null || region.isEmpty() ? "REGION" : region;
        return "gcloud run services describe " + service + " --region=" + r + " --format='value(spec.template.spec.serviceAccountName)'"
                + " (a job: gcloud run jobs describe " + service + " --region=" + r
                + " --format='value(spec.template.spec.template.spec.serviceAccountName)'; empty = the Compute Engine default account)";
    }

    private static Finding patternFinding(Rule rule, Pattern p, String summary, String fix) {
        Occurrences o = p.seen();
        return Finding.of(rule, p.service(), o.count(), o.first(), o.last(), o.sampleInsertId(), o.sample(), summary + ": " + p.template(), fix)
                .withPattern(p.id(), p.template(), o.baseline());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
