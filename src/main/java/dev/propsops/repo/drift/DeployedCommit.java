package dev.propsops.repo.drift;

import java.util.Optional;

/**
 * The commit a revision or job template says it was built from, and where that came from.
 *
 * @param commit the id as written (full or abbreviated); empty when nothing names one
 * @param source "env BUILD_COMMIT", "label commit-sha", "image tag"; empty with no commit
 * @param note why there is no commit, or what was passed over (e.g. "BUILD_COMMIT is 'unknown', not a commit")
 */
public record DeployedCommit(Optional<String> commit, String source, String note) {
    static DeployedCommit none(String note) {
        return new DeployedCommit(Optional.empty(), "", note);
    }
}
