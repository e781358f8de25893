package dev.propsops.repo.conventions;

import dev.propsops.cli.Rating;
import dev.propsops.repo.conventions.BuildCommands.BuildsSubmit;
import dev.propsops.repo.conventions.BuildCommands.SourceDeploy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * No deployment lets the repository root decide what runs: {@code gcloud run deploy --source=.} builds the
 * root's Dockerfile (the handoff's {@code deploy_phase1_phase2.sh} deployed the multi-service one that
 * way), or, without one, whatever a buildpack makes of the root; {@code gcloud builds submit --tag} builds
 * the source folder's Dockerfile. Deploying a folder with no Dockerfile leaves it to a buildpack too.
 */
final class SourceDeployRule implements Rule {
    @Override
    public String id() {
        return "deploy-source";
    }

    @Override
    public String description() {
        return "no gcloud run deploy --source=. (or builds submit --tag .) while a root Dockerfile or a buildpack decides what runs";
    }

    @Override
    public List<Finding> check(RepoContext repo) {
        List<Finding> out = new ArrayList<>();
        String fix = "build the service's own Dockerfile from the root (docker build -f path/to/Dockerfile -t IMAGE .), push it, "
                + "and deploy the image (--image IMAGE)";
        for (RepoContext.Located at : repo.allBuilds()) {
            Optional<String> folder;
            String command;
            if (at.build() instanceof SourceDeploy d) {
                folder = repo.folder(at, d.source());
                command = d.command() + " --source " + d.source().text();
            } else if (at.build() instanceof BuildsSubmit s && s.config().isEmpty() && s.tag().isPresent()) {
                folder = s.source().isPresent() ? repo.folder(at, s.source().get()) : Optional.of(at.build().place().cwd());
                command = "gcloud builds submit --tag " + s.tag().get().text() + s.source().map(x -> " " + x.text()).orElse("");
            } else {
                continue;
            }
            if (folder.isEmpty()) {
                continue;
            }
            String f = folder.get();
            String dockerfile = f.isEmpty() ? "Dockerfile" : f + "/Dockerfile";
            boolean buildpack = at.build() instanceof SourceDeploy;
            if (f.isEmpty()) {
                List<String> roots = repo.rootDockerfiles();
                String what = repo.files.isFile("Dockerfile") ? "the root Dockerfile decides what runs, whichever service is meant"
                        : buildpack ? "there is no root Dockerfile, so a buildpack decides what runs from the whole repository"
                        : "it builds the root's Dockerfile, and there is none" + (roots.isEmpty() ? "" : " (only " + String.join(", ", roots) + ")");
                out.add(new Finding(id(), Rating.HIGH, at.where(), at.line(), command + " from the repository root: " + what, fix));
            } else if (!repo.files.isFile(dockerfile)) {
                out.add(new Finding(id(), Rating.HIGH, at.where(), at.line(), command + ": " + f + " has no Dockerfile, so "
                        + (buildpack ? "a buildpack decides what runs" : "the build fails"),
                        "add " + dockerfile + " (and list it in the service map), or " + fix));
            }
        }
        return out;
    }
}
