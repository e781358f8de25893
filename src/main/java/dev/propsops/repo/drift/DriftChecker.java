package dev.propsops.repo.drift;

import dev.propsops.cloudrun.Job;
import dev.propsops.cloudrun.Revision;
import dev.propsops.cloudrun.Service;
import dev.propsops.cloudrun.TrafficShare;
import dev.propsops.repo.git.Changes;
import dev.propsops.repo.git.CommitInfo;
import dev.propsops.repo.git.FileChange;
import dev.propsops.repo.git.GitHistory;
import dev.propsops.repo.git.Resolution;
import dev.propsops.repo.servicemap.ServiceEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares what runs with the branch, one service or job at a time. A deployed commit is current when the
 * branch has no commit touching the service's paths that the deployed commit lacks (so after a merge, a
 * change that came in from the other side counts too, not only the single latest commit); behind when it
 * is on the branch and such commits exist; diverged when it is off the branch and such commits exist.
 */
public final class DriftChecker {
    /** Files listed in a message; the JSON has them all. */
    static final int FILES_IN_MESSAGE = 5;

    private final GitHistory git;
    private final GitHistory.Branch branch;
    private final String commitEnv;
    private final Instant now;
    private final Map<String, Resolution> resolutions = new HashMap<>();

    public DriftChecker(GitHistory git, GitHistory.Branch branch, String commitEnv, Instant now) {
        this.git = git;
        this.branch = branch;
        this.commitEnv = commitEnv;
        this.now = now;
    }

    /** A service: every revision serving traffic, from the traffic statuses. */
    public UnitCheck service(ServiceEntry entry, Service service) {
        List<String> paths = entry.trackedPaths();
        Optional<CommitInfo> latest = git.latestTouching(branch.tip(), paths);
        Map<String, Revision> details = new HashMap<>();
        service.serving().forEach(r -> details.put(r.name(), r));
        List<RevisionCheck> checks = new ArrayList<>();
        Map<String, Outcome> byCommit = new HashMap<>();
        for (TrafficShare t : service.traffic()) {
            Revision r = details.get(t.revision());
            if (r == null) {
                String template = service.template().name().isEmpty() ? "" : " (" + service.template().name() + ")";
                checks.add(new RevisionCheck(t.revision(), t.percent(), t.tag(), Optional.empty(), DeployedCommit.none("not in the export"),
                        Optional.empty(), Verdict.CANNOT_TELL, "cannot tell what revision " + t.revision() + " (" + t.percent()
                        + "% of traffic) runs from an export: it describes only the template's revision" + template,
                        Optional.of("add the revisions to --from-export (gcloud run revisions list --service " + service.name()
                                + " --format=json > revisions.json), or run without --from-export"), Optional.empty()));
                continue;
            }
            checks.add(revision(entry, r, t.percent(), t.tag(), paths, latest, byCommit));
        }
        if (checks.isEmpty()) {
            checks.add(new RevisionCheck("", 0, "", Optional.empty(), DeployedCommit.none("no traffic"), Optional.empty(),
                    Verdict.CANNOT_TELL, "cannot tell what runs: no revision of " + service.name() + " serves traffic"
                    + service.readyCondition().map(c -> " (Ready: " + c.state() + (c.explain().isEmpty() ? "" : ", " + c.explain()) + ")").orElse(""),
                    Optional.of("gcloud run services describe " + service.name() + " shows why; deploy a revision that becomes ready"),
                    Optional.empty()));
        }
        return UnitCheck.of(entry, service.region(), latest, checks);
    }

    /** A job: its template is what its next execution runs. */
    public UnitCheck job(ServiceEntry entry, Job job) {
        List<String> paths = entry.trackedPaths();
        Optional<CommitInfo> latest = git.latestTouching(branch.tip(), paths);
        Map<String, String> labels = new HashMap<>(job.labels());
        labels.putAll(job.template().labels());
        Revision template = new Revision("", job.name(), Optional.empty(), List.of(), job.template().serviceAccount(),
                job.template().containers(), labels);
        return UnitCheck.of(entry, job.region(), latest, List.of(revision(entry, template, 100, "", paths, latest, new HashMap<>())));
    }

    public static UnitCheck notDeployed(ServiceEntry entry, String region, String where) {
        return new UnitCheck(entry.name(), entry.kind(), region, Optional.of(entry), Verdict.NOT_DEPLOYED, Optional.empty(), List.of(),
                "in the service map, but " + where + " has no " + entry.kind().key() + " " + entry.name(),
                Optional.of("deploy it, correct its name or region in the map, or remove it from the map"));
    }

    public static UnitCheck notInMap(String name, ServiceEntry.Kind kind, String region, String mapSource) {
        return new UnitCheck(name, kind, region, Optional.empty(), Verdict.NOT_IN_MAP, Optional.empty(), List.of(),
                "runs on Cloud Run" + (region.isEmpty() ? "" : " in " + region) + ", but is not in " + mapSource,
                Optional.of("add it to " + mapSource + " with its Dockerfile and paths, or delete it if nothing needs it"));
    }

    public static UnitCheck notChecked(ServiceEntry entry, String region, String why, String fix) {
        return new UnitCheck(entry.name(), entry.kind(), region, Optional.of(entry), Verdict.NOT_CHECKED, Optional.empty(), List.of(),
                why, Optional.of(fix));
    }

    private RevisionCheck revision(ServiceEntry entry, Revision r, int percent, String tag, List<String> paths,
            Optional<CommitInfo> latest, Map<String, Outcome> byCommit) {
        String env = entry.commitEnv().orElse(commitEnv);
        DeployedCommit dc = CommitFinder.find(r, env, id -> resolve(id) instanceof Resolution.Found);
        String who = r.name().isEmpty() ? entry.describe() : "revision " + r.name() + (percent < 100 ? " (" + percent + "% of traffic)" : "");
        if (dc.commit().isEmpty()) {
            return new RevisionCheck(r.name(), percent, tag, r.createTime(), dc, Optional.empty(), Verdict.CANNOT_TELL,
                    "cannot tell what " + who + " runs: " + dc.note(), Optional.of("set " + env + " when deploying ("
                    + (entry.kind() == ServiceEntry.Kind.JOB ? "gcloud run jobs deploy" : "gcloud run deploy")
                    + " ... --update-env-vars " + env + "=$(git rev-parse HEAD)), or tag the image with the commit"), Optional.empty());
        }
        String id = dc.commit().get();
        // two revisions of a split often run one commit: judge it once
        Outcome o = byCommit.computeIfAbsent(id, c -> outcome(entry, c, paths, latest));
        return new RevisionCheck(r.name(), percent, tag, r.createTime(), dc, o.resolved(), o.verdict(),
                who + " runs " + id + " (" + dc.source() + ")" + o.tail(), o.fix(), o.changes());
    }

    /** The verdict on one deployed commit id; {@code tail} completes "revision X runs ID (source)". */
    private record Outcome(Verdict verdict, Optional<CommitInfo> resolved, String tail, Optional<String> fix, Optional<Changes> changes) {
    }

    private Outcome outcome(ServiceEntry entry, String id, List<String> paths, Optional<CommitInfo> latest) {
        Resolution res = resolve(id);
        if (res instanceof Resolution.Found f) {
            return compare(entry, f.commit(), paths, latest);
        }
        if (res instanceof Resolution.Ambiguous a) {
            return new Outcome(Verdict.UNKNOWN, Optional.empty(), ", which is ambiguous: " + a.candidates().size() + " commits start with it ("
                    + a.candidates().stream().map(c -> c.substring(0, 12)).collect(Collectors.joining(", ")) + ")",
                    Optional.of("write the full commit id when deploying (git rev-parse HEAD)"), Optional.empty());
        }
        if (res instanceof Resolution.NotACommit n) {
            return new Outcome(Verdict.UNKNOWN, Optional.empty(), ", which names a " + n.type() + " of the repository, not a commit",
                    Optional.of("write the commit id when deploying (git rev-parse HEAD)"), Optional.empty());
        }
        return new Outcome(Verdict.UNKNOWN, Optional.empty(), ", which is not in the repository: an unpushed build, or a rewritten history",
                Optional.of("deploy " + entry.name() + " from a commit pushed to " + branch.name()
                        + "; if the commit was pushed, fetch it (git fetch --all) and run again"), Optional.empty());
    }

    private Outcome compare(ServiceEntry entry, CommitInfo deployed, List<String> paths, Optional<CommitInfo> latest) {
        Changes changes = git.changesSince(deployed, branch.tip(), paths);
        boolean onBranch = git.isAncestor(deployed, branch.tip());
        String latestText = latest.map(l -> l.shortId() + " " + Ages.ago(l.time(), now) + " \"" + l.subject() + "\"").orElse("none");
        if (changes.commits().isEmpty()) {
            return new Outcome(Verdict.CURRENT, Optional.of(deployed), ", which has every change of " + branch.name()
                    + " to its paths (latest " + latestText + ")"
                    + (onBranch ? "" : "; " + deployed.shortId() + " itself is not on " + branch.name()), Optional.empty(), Optional.of(changes));
        }
        CommitInfo oldest = changes.commits().get(changes.commits().size() - 1);
        String files = files(changes.files());
        int n = changes.commits().size();
        String count = n + " commit" + (n == 1 ? "" : "s");
        if (onBranch) {
            return new Outcome(Verdict.BEHIND, Optional.of(deployed), ", " + count + " behind " + branch.name()
                    + " on its paths (oldest undeployed change " + Ages.ago(oldest.time(), now) + ", latest " + latestText + ")" + files,
                    Optional.of("redeploy " + entry.name() + " from " + branch.name() + " (" + branch.tip().shortId() + ")"), Optional.of(changes));
        }
        return new Outcome(Verdict.DIVERGED, Optional.of(deployed), ", which is not on " + branch.name() + " and lacks " + count
                + " of " + branch.name() + " touching its paths (oldest " + Ages.ago(oldest.time(), now) + ", latest " + latestText + ")" + files,
                Optional.of("redeploy " + entry.name() + " from " + branch.name() + ", or merge what " + deployed.shortId()
                        + " was built from into " + branch.name()), Optional.of(changes));
    }

    private static String files(List<FileChange> files) {
        if (files.isEmpty()) {
            return "";
        }
        String shown = files.stream().limit(FILES_IN_MESSAGE).map(FileChange::describe).collect(Collectors.joining(", "));
        return "; " + files.size() + (files.size() == 1 ? " file differs: " : " files differ: ") + shown
                + (files.size() > FILES_IN_MESSAGE ? ", ... (" + (files.size() - FILES_IN_MESSAGE) + " more)" : "");
    }

    private Resolution resolve(String id) {
        return resolutions.computeIfAbsent(id.toLowerCase(java.util.Locale.ROOT), git::resolve);
    }
}
