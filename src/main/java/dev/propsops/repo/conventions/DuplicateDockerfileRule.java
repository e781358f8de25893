package dev.propsops.repo.conventions;

import dev.propsops.cli.Rating;
import dev.propsops.repo.servicemap.ServiceEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * No two Dockerfiles with the same content once whitespace, comments and the case of keywords are set
 * aside (the handoff's {@code ./Dockerfile.mlb-worker} was {@code predictions/mlb/Dockerfile} again).
 */
final class DuplicateDockerfileRule implements Rule {
    @Override
    public String id() {
        return "duplicate-dockerfile";
    }

    @Override
    public String description() {
        return "no two Dockerfiles with the same content (whitespace and comments aside)";
    }

    @Override
    public List<Finding> check(RepoContext repo) {
        Map<String, List<String>> byContent = new LinkedHashMap<>();
        repo.dockerfiles.forEach((path, d) -> {
            if (!d.instructions.isEmpty()) {
                byContent.computeIfAbsent(d.normalized(), k -> new ArrayList<>()).add(path);
            }
        });
        Set<String> mapped = repo.files.map.map(m -> m.entries().stream().map(ServiceEntry::dockerfile)
                .flatMap(java.util.Optional::stream).collect(Collectors.toSet())).orElse(Set.of());
        List<Finding> out = new ArrayList<>();
        for (List<String> group : byContent.values()) {
            if (group.size() < 2) {
                continue;
            }
            // keep the one the map names, else one in its proper place, else the first
            String keep = group.stream().min(Comparator.comparing((String p) -> !mapped.contains(p))
                    .thenComparing(p -> !p.contains("/")).thenComparing(p -> !UtilityLocationRule.wellPlaced(p, repo))
                    .thenComparing(Comparator.naturalOrder())).orElseThrow();
            for (String p : group) {
                if (p.equals(keep)) {
                    continue;
                }
                out.add(new Finding(id(), Rating.MEDIUM, p, 1, p + " has the same content as " + keep
                        + " (whitespace and comments aside): two files to keep in step, and a build can take the wrong one",
                        "delete " + p + " and build from " + keep + (mapped.contains(p) ? "; point the service map at " + keep : "")
                                + (group.size() > 2 ? " (" + group.size() + " copies in all)" : "")));
            }
        }
        return out;
    }
}
