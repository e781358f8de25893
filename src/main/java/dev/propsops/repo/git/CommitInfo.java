package dev.propsops.repo.git;

import java.time.Instant;

/** A commit as reports show it. */
public record CommitInfo(String id, Instant time, String author, String subject) {
    /** The first 8 characters of the id, as people quote commits. */
    public String shortId() {
        return id.substring(0, Math.min(8, id.length()));
    }
}
