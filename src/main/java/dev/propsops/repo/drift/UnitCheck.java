package dev.propsops.repo.drift;

import dev.propsops.cli.Rating;
import dev.propsops.repo.servicemap.ServiceEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one Cloud Run service or job: that of its worst serving revision, or one of its own
 * (not deployed, not in the map, not checked).
 *
 * @param entry its entry in the service map (empty when it is not in the map)
 * @param latest the branch's latest commit touching its paths
 */
public record UnitCheck(String name, ServiceEntry.Kind kind, String region, Optional<ServiceEntry> entry, Verdict verdict,
        Optional<dev.propsops.repo.git.CommitInfo> latest, List<RevisionCheck> revisions, String message, Optional<String> fix) {
    public UnitCheck {
        revisions = List.copyOf(revisions);
    }

    /** From its revisions: the worst one decides (the first of equals, i.e. the one with more traffic). */
    static UnitCheck of(ServiceEntry entry, String region, Optional<dev.propsops.repo.git.CommitInfo> latest, List<RevisionCheck> revisions) {
        RevisionCheck worst = revisions.stream().max(Comparator.comparing((RevisionCheck r) -> r.verdict().rating())
                .thenComparing(r -> -revisions.indexOf(r))).orElseThrow();
        return new UnitCheck(entry.name(), entry.kind(), region, Optional.of(entry), worst.verdict(), latest, revisions,
                worst.message(), worst.fix());
    }

    public Rating rating() {
        return verdict.rating();
    }
}
