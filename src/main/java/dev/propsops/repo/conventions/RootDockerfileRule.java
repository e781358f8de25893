package dev.propsops.repo.conventions;

import dev.propsops.cli.Rating;
import java.util.List;

/**
 * No Dockerfile at the repository root. The handoff's root Dockerfile served several services and was
 * picked up by {@code gcloud run deploy --source=.} and {@code docker build .} whatever was meant.
 */
final class RootDockerfileRule implements Rule {
    @Override
    public String id() {
        return "root-dockerfile";
    }

    @Override
    public String description() {
        return "no Dockerfile* at the repository root";
    }

    @Override
    public List<Finding> check(RepoContext repo) {
        return repo.rootDockerfiles().stream().filter(f -> !repo.files.ignored(f)).map(f -> new Finding(id(), Rating.MEDIUM, f, 1,
                f + " sits at the repository root, where `docker build .` and `gcloud run deploy --source=.` pick it up for any service",
                "move it next to its service's code (e.g. services/<name>/Dockerfile) or to deployment/dockerfiles/<sport>/, and "
                        + "update what builds it; archive a legacy one in a folder the service map's `ignore:` lists")).toList();
    }
}
