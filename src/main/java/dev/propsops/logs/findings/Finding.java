package dev.propsops.logs.findings;

import dev.propsops.cli.Rating;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One finding of log-triage. The fields every rule fills come first; the rest belong to some rules only
 * (empty otherwise).
 *
 * @param summary one line: what was found
 * @param fix what to do about it; for a permission error the exact {@code gcloud} command when known
 * @param revision no-message: the revision
 * @param permission permission-denied: the permission, when the error names it
 * @param resource permission-denied: the resource, when the error names it
 * @param role permission-denied: the predefined role that grants the permission, from the shipped table
 * @param serviceAccount permission-denied: the account the service runs as, when known
 * @param command permission-denied: the {@code gcloud projects add-iam-policy-binding} command (with a
 *     placeholder where the account is unknown); empty when the role is unknown
 * @param patternIds the patterns the finding's events belong to (new-pattern and spike: exactly one)
 * @param template new-pattern and spike: the pattern's template
 * @param baselineCount new-pattern and spike: events in the baseline window
 * @param patterns recurring: how many patterns it sums up
 */
public record Finding(Rule rule, String service, long count, Optional<Instant> first, Optional<Instant> last,
        String sampleInsertId, String sample, String summary, String fix, Optional<String> revision,
        Optional<String> permission, Optional<String> resource, Optional<String> role, Optional<String> serviceAccount,
        Optional<String> command, List<Integer> patternIds, Optional<String> template, Optional<Long> baselineCount,
        Optional<Long> patterns) {
    public Finding {
        patternIds = List.copyOf(patternIds);
    }

    public Rating rating() {
        return rule.rating();
    }

    /** A finding with only the common fields; rules add theirs with the {@code with...} methods. */
    static Finding of(Rule rule, String service, long count, Instant first, Instant last, String sampleInsertId, String sample,
            String summary, String fix) {
        return new Finding(rule, service, count, Optional.ofNullable(first), Optional.ofNullable(last), sampleInsertId, sample,
                summary, fix, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    Finding withRevision(String value) {
        return new Finding(rule, service, count, first, last, sampleInsertId, sample, summary, fix, Optional.of(value), permission,
                resource, role, serviceAccount, command, patternIds, template, baselineCount, patterns);
    }

    Finding withPermission(Optional<String> perm, Optional<String> res, Optional<String> r, Optional<String> account,
            Optional<String> cmd) {
        return new Finding(rule, service, count, first, last, sampleInsertId, sample, summary, fix, revision, perm, res, r, account,
                cmd, patternIds, template, baselineCount, patterns);
    }

    Finding withPattern(int id, String value, long baseline) {
        return new Finding(rule, service, count, first, last, sampleInsertId, sample, summary, fix, revision, permission, resource,
                role, serviceAccount, command, List.of(id), Optional.of(value), Optional.of(baseline), patterns);
    }

    Finding withPatterns(long value) {
        return new Finding(rule, service, count, first, last, sampleInsertId, sample, summary, fix, revision, permission, resource,
                role, serviceAccount, command, patternIds, template, baselineCount, Optional.of(value));
    }
}
