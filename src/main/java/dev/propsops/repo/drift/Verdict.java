package dev.propsops.repo.drift;

import dev.propsops.cli.Rating;
import java.util.Locale;

/** What deploy-drift concludes about one serving revision (or job template), and how serious it is. */
public enum Verdict {
    /** The deployed commit contains every change of the branch to the service's paths. */
    CURRENT(Rating.INFO),
    /** The deployed commit is on the branch, and the branch has changed the service's paths since. */
    BEHIND(Rating.MEDIUM),
    /** The deployed commit is in the repository but not on the branch, and lacks changes the branch made to the paths. */
    DIVERGED(Rating.HIGH),
    /** The deployed commit is not in the repository: an unpushed build, or a rewritten history. */
    UNKNOWN(Rating.HIGH),
    /** Nothing says which commit runs (no commit variable, label or image tag that names one). */
    CANNOT_TELL(Rating.MEDIUM),
    /** In the service map, but Cloud Run has no such service or job. */
    NOT_DEPLOYED(Rating.LOW),
    /** On Cloud Run, but not in the service map. */
    NOT_IN_MAP(Rating.LOW),
    /** Not compared: its source was not read (e.g. an export without the jobs). */
    NOT_CHECKED(Rating.INFO);

    private final Rating rating;

    Verdict(Rating rating) {
        this.rating = rating;
    }

    public Rating rating() {
        return rating;
    }

    /** As JSON and reports write it: "cannot_tell". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As text reports show it: "cannot tell". */
    public String label() {
        return key().replace('_', ' ');
    }
}
