package dev.propsops.repo.drift;

import dev.propsops.repo.git.Changes;
import dev.propsops.repo.git.CommitInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * The verdict on one revision serving traffic (or on a job's template, with an empty revision name).
 *
 * @param resolved the deployed commit as the repository knows it
 * @param changes for behind and diverged: the branch's changes to the paths that the deployed commit lacks
 */
public record RevisionCheck(String revision, int percent, String tag, Optional<Instant> createTime, DeployedCommit commit,
        Optional<CommitInfo> resolved, Verdict verdict, String message, Optional<String> fix, Optional<Changes> changes) {
}
