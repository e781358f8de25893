package dev.propsops.repo.git;

import java.util.List;

/**
 * What changed in a service's paths between a deployed commit and the branch.
 *
 * @param commits the branch's commits touching the paths that the deployed commit does not contain, newest first
 * @param files the net difference of the paths between the two commits (renames detected)
 * @param followed older names of renamed files that were followed to count the commits before the rename
 */
public record Changes(List<CommitInfo> commits, List<FileChange> files, List<String> followed) {
    public Changes {
        commits = List.copyOf(commits);
        files = List.copyOf(files);
        followed = List.copyOf(followed);
    }
}
