package dev.propsops.repo.servicemap;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The service map of a repository ({@code deployment/services.yaml} by default): which Cloud Run services
 * and jobs the repository builds, each with its Dockerfile and source paths, plus what repo-check skips.
 *
 * @param source how the file is named in messages (its path relative to the repository, or as given)
 * @param ignore path prefixes repo-check does not look at (archived Dockerfiles, vendored code)
 * @param sports the folders allowed under deployment/dockerfiles/ (empty: any)
 * @param external Cloud Run names (with {@code *} wildcards) deployed from other repositories: deploy-drift does
 *        not report them as missing from the map
 */
public record ServiceMap(String source, List<ServiceEntry> entries, List<String> ignore, List<String> sports, List<String> external,
        List<MapProblem> problems) {
    public ServiceMap {
        entries = List.copyOf(entries);
        ignore = List.copyOf(ignore);
        sports = List.copyOf(sports);
        external = List.copyOf(external);
        problems = List.copyOf(problems);
    }

    /** Whether a Cloud Run service or job is deployed from another repository (the map's {@code external:}). */
    public boolean external(String name) {
        return external.stream().anyMatch(glob -> name.matches(java.util.regex.Pattern.quote(glob).replace("*", "\\E.*\\Q")));
    }

    public Optional<ServiceEntry> find(String name, ServiceEntry.Kind kind) {
        return entries.stream().filter(e -> e.name().equals(name) && e.kind() == kind).findFirst();
    }

    /** Whether repo-check skips a path (relative, '/'-separated). */
    public boolean ignored(String path) {
        return ignore.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"));
    }

    /** Refuses the map when any problem matches (exit 2, every such problem with its line). */
    public ServiceMap requireNo(Predicate<MapProblem> which) {
        List<MapProblem> bad = problems.stream().filter(which).toList();
        if (!bad.isEmpty()) {
            throw new ServiceMapException(this, bad);
        }
        return this;
    }

    /** Refuses a map with any problem at all. */
    public ServiceMap requireClean() {
        return requireNo(p -> true);
    }

    /** A service map that cannot be used: a configuration error (exit 2) naming the file and the lines. */
    public static final class ServiceMapException extends OpsException {
        ServiceMapException(ServiceMap map, List<MapProblem> problems) {
            super(ExitCode.USAGE, problems.stream().map(p -> map.source() + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message())
                    .collect(Collectors.joining("\n  ")), problems.get(0).fix());
        }
    }
}
