package dev.propsops.repo.conventions;

import dev.propsops.cli.Rating;
import dev.propsops.repo.servicemap.MapProblem;
import dev.propsops.repo.servicemap.ServiceEntry;
import dev.propsops.repo.servicemap.ServiceMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every service of the map has exactly one Dockerfile, and the file exists; no two services share one
 * (one image for two services is the multi-service pattern again). The handoff's Phase 2 service had none.
 */
final class ServiceDockerfileRule implements Rule {
    @Override
    public String id() {
        return "service-dockerfile";
    }

    @Override
    public String description() {
        return "every service and job of the map has exactly one Dockerfile of its own, and it exists";
    }

    @Override
    public List<Finding> check(RepoContext repo) {
        if (repo.files.map.isEmpty()) {
            return List.of(new Finding(id(), Rating.LOW, repo.files.mapFile, 0, "there is no service map " + repo.files.mapFile
                    + ", so nothing says which Dockerfile builds which service",
                    "write one (see the README, section deploy-drift): each Cloud Run service and job with its Dockerfile and paths"));
        }
        ServiceMap map = repo.files.map.get();
        List<Finding> out = new ArrayList<>();
        for (MapProblem p : map.problems()) {
            if (p.kind() == MapProblem.Kind.DOCKERFILE) {
                out.add(new Finding(id(), Rating.HIGH, repo.files.mapFile, p.line(), p.message(), p.fix()));
            }
        }
        Map<String, ServiceEntry> first = new LinkedHashMap<>();
        for (ServiceEntry e : map.entries()) {
            if (e.dockerfile().isEmpty()) {
                continue;
            }
            ServiceEntry before = first.putIfAbsent(e.dockerfile().get(), e);
            if (before != null) {
                out.add(new Finding(id(), Rating.MEDIUM, repo.files.mapFile, e.line(), e.describe() + " and " + before.describe()
                        + " (line " + before.line() + ") share " + e.dockerfile().get()
                        + ": one image for two services has to pick what it runs at run time",
                        "give " + e.name() + " a Dockerfile of its own (next to its code, or deployment/dockerfiles/<sport>/Dockerfile."
                                + e.name() + ")"));
            }
        }
        return out;
    }
}
