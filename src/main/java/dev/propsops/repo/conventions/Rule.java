package dev.propsops.repo.conventions;

import java.util.List;

/** One convention of the repository (from the handoff's Dockerfile cleanup), checked over the whole repository. */
interface Rule {
    /** Short id, as findings and the README name it: "root-dockerfile". */
    String id();

    /** What the rule wants, in one line. */
    String description();

    List<Finding> check(RepoContext repo);
}
