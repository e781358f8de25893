package dev.propsops.repo.drift;

import dev.propsops.cloudrun.Container;
import dev.propsops.cloudrun.Revision;
import dev.propsops.repo.git.GitHistory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which commit a revision runs, in order of trust: the commit variable its containers set (the deploy
 * script writes it, e.g. BUILD_COMMIT), else a commit label on the revision (Cloud Build's deploy step sets
 * {@code commit-sha}), else the image's tag when it is, or ends with, a commit of the repository
 * ({@code :0a3c5b26}, {@code :sha-0a3c5b26}, {@code :main-0a3c5b26}). A variable that holds a commit-like
 * value is believed even if the repository lacks it: that is the "unknown" case, not a reason to guess from
 * the tag. Tags are believed only when they resolve, because a tag like {@code 20260131} merely looks hex.
 *
 * <p>The labels are Cloud Run's labels on the revision; the image's own OCI labels would need the registry.
 */
public final class CommitFinder {
    /** Revision label keys that carry a commit, most specific first. */
    static final List<String> COMMIT_LABELS = List.of("commit-sha", "commit_sha", "git-commit", "git_commit", "build-commit",
            "build_commit", "commit", "vcs-ref", "revision-sha");

    private CommitFinder() {
    }

    /** The commit of {@code revision}; {@code resolves} says whether an id names a commit of the repository. */
    public static DeployedCommit find(Revision revision, String commitEnv, Predicate<String> resolves) {
        List<String> passedOver = new ArrayList<>();
        for (Container c : revision.containers()) {
            Optional<String> v = c.env(commitEnv).map(String::trim);
            if (v.isPresent()) {
                if (GitHistory.looksLikeCommit(v.get())) {
                    return new DeployedCommit(v, "env " + commitEnv, "");
                }
                passedOver.add(commitEnv + " is '" + v.get() + "', not a commit");
                break;
            }
        }
        if (passedOver.isEmpty()) {
            passedOver.add(commitEnv + " is not set");
        }
        Map<String, String> labels = revision.labels();
        for (String key : COMMIT_LABELS) {
            String value = labels.get(key);
            if (value != null && GitHistory.looksLikeCommit(value.trim())) {
                return new DeployedCommit(Optional.of(value.trim()), "label " + key, String.join("; ", passedOver));
            }
        }
        for (Container c : revision.containers()) {
            for (String candidate : tagCommits(c.image())) {
                if (resolves.test(candidate)) {
                    return new DeployedCommit(Optional.of(candidate), "image tag", String.join("; ", passedOver));
                }
            }
        }
        String images = revision.containers().stream().map(Container::image).filter(i -> i != null && !i.isBlank())
                .reduce((a, b) -> a + ", " + b).orElse("no image");
        passedOver.add("no commit label, and the image tag does not name a commit of the repository (" + images + ")");
        return DeployedCommit.none(String.join("; ", passedOver));
    }

    /** The commit-like parts of an image's tag, most likely first (none for a digest-only image). */
    static List<String> tagCommits(String image) {
        if (image == null || image.isBlank()) {
            return List.of();
        }
        String ref = image.trim();
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        String last = ref.substring(ref.lastIndexOf('/') + 1);
        int colon = last.lastIndexOf(':');
        if (colon < 0) {
            return List.of();
        }
        String tag = last.substring(colon + 1).toLowerCase(Locale.ROOT);
        LinkedHashSet<String> out = new LinkedHashSet<>();
        out.add(tag);
        for (String prefix : List.of("sha-", "sha_", "git-", "git_", "commit-", "commit_")) {
            if (tag.startsWith(prefix)) {
                out.add(tag.substring(prefix.length()));
            }
        }
        int sep = Math.max(tag.lastIndexOf('-'), Math.max(tag.lastIndexOf('_'), tag.lastIndexOf('.')));
        if (sep >= 0) {
            String tail = tag.substring(sep + 1);
            out.add(tail);
            if (tail.startsWith("g")) { // git describe: v1.4-12-g0a3c5b2
                out.add(tail.substring(1));
            }
        }
        return out.stream().filter(GitHistory::looksLikeCommit).toList();
    }
}
