package dev.propsops.repo.git;

import java.util.List;

/** What a commit id (full or abbreviated) names in a repository. */
public sealed interface Resolution {
    /** One commit. */
    record Found(CommitInfo commit) implements Resolution {
    }

    /** No object of the repository has this id: an unpushed build, or a rewritten history. */
    record Missing(String id) implements Resolution {
    }

    /** An abbreviation that several commits share. */
    record Ambiguous(String id, List<String> candidates) implements Resolution {
    }

    /** The id names an object that is not a commit (a tree, a blob, a tag). */
    record NotACommit(String id, String type) implements Resolution {
    }
}
