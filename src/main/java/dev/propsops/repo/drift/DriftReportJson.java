package dev.propsops.repo.drift;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.Json;
import dev.propsops.cli.Rating;
import dev.propsops.repo.git.Changes;
import dev.propsops.repo.git.CommitInfo;
import dev.propsops.repo.git.FileChange;
import java.time.Duration;
import java.util.Optional;

/** The JSON document of deploy-drift: what a CI workflow needs to open an issue (see README, deploy-drift). */
public final class DriftReportJson {
    private DriftReportJson() {
    }

    public static ObjectNode toJson(DriftReport r, int exitCode) {
        ObjectNode root = Json.object();
        root.put("job", "deploy-drift");
        root.put("source", r.source());
        root.put("repository", r.repository());
        root.put("branch", r.branch().name());
        root.put("branch_commit", r.branch().tip().id());
        root.put("services_file", r.servicesFile());
        root.put("commit_env", r.commitEnv());
        root.put("checked_at", r.checkedAt().toString());
        putOptional(root, "fail_on", r.failOn().map(Rating::key));
        putOptional(root, "worst", r.worst().map(Rating::key));
        root.put("exit_code", exitCode);
        root.put("summary", r.summary());
        ObjectNode counts = root.putObject("counts");
        r.counts().forEach((v, n) -> counts.put(v.key(), n));
        ArrayNode failing = root.putArray("failing");
        r.failing().forEach(u -> failing.add(u.name()));
        ArrayNode units = root.putArray("services");
        for (UnitCheck u : r.units()) {
            ObjectNode n = units.addObject();
            n.put("name", u.name());
            n.put("kind", u.kind().key());
            n.put("region", u.region());
            n.put("verdict", u.verdict().key());
            n.put("rating", u.rating().key());
            n.put("message", u.message());
            putOptional(n, "fix", u.fix());
            putOptional(n, "dockerfile", u.entry().flatMap(e -> e.dockerfile()));
            ArrayNode paths = n.putArray("paths");
            u.entry().ifPresent(e -> e.trackedPaths().forEach(paths::add));
            commit(n, "latest_change", u.latest());
            ArrayNode revisions = n.putArray("revisions");
            for (RevisionCheck c : u.revisions()) {
                ObjectNode rn = revisions.addObject();
                rn.put("revision", c.revision());
                rn.put("percent", c.percent());
                rn.put("tag", c.tag());
                putOptional(rn, "created", c.createTime().map(Object::toString));
                putOptional(rn, "commit", c.commit().commit());
                putOptional(rn, "commit_source", Optional.of(c.commit().source()).filter(s -> !s.isEmpty()));
                putOptional(rn, "commit_note", Optional.of(c.commit().note()).filter(s -> !s.isEmpty()));
                putOptional(rn, "resolved_commit", c.resolved().map(CommitInfo::id));
                rn.put("verdict", c.verdict().key());
                rn.put("rating", c.verdict().rating().key());
                rn.put("message", c.message());
                putOptional(rn, "fix", c.fix());
                undeployed(rn, c.changes(), r);
            }
        }
        return root;
    }

    private static void undeployed(ObjectNode n, Optional<Changes> changes, DriftReport r) {
        if (changes.isEmpty() || changes.get().commits().isEmpty()) {
            n.putNull("undeployed");
            return;
        }
        Changes c = changes.get();
        ObjectNode u = n.putObject("undeployed");
        u.put("count", c.commits().size());
        CommitInfo oldest = c.commits().get(c.commits().size() - 1);
        u.put("oldest_time", oldest.time().toString());
        u.put("age_seconds", Math.max(0, Duration.between(oldest.time(), r.checkedAt()).getSeconds()));
        ArrayNode commits = u.putArray("commits");
        c.commits().forEach(ci -> commit(commits.addObject(), ci));
        ArrayNode files = u.putArray("files");
        for (FileChange f : c.files()) {
            ObjectNode fn = files.addObject();
            fn.put("change", f.change().key());
            fn.put("path", f.path());
            putOptional(fn, "old_path", f.oldPath());
        }
        ArrayNode followed = u.putArray("followed_renames");
        c.followed().forEach(followed::add);
    }

    private static void commit(ObjectNode parent, String field, Optional<CommitInfo> c) {
        if (c.isEmpty()) {
            parent.putNull(field);
        } else {
            commit(parent.putObject(field), c.get());
        }
    }

    private static void commit(ObjectNode n, CommitInfo c) {
        n.put("commit", c.id());
        n.put("time", c.time().toString());
        n.put("author", c.author());
        n.put("subject", c.subject());
    }

    private static void putOptional(ObjectNode n, String field, Optional<String> value) {
        if (value.isPresent()) {
            n.put(field, value.get());
        } else {
            n.putNull(field);
        }
    }
}
