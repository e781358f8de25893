package dev.propsops.repo.conventions;

import dev.propsops.cli.Rating;
import dev.propsops.repo.conventions.BuildCommands.BuildsSubmit;
import dev.propsops.repo.conventions.BuildCommands.DockerBuild;
import dev.propsops.repo.conventions.BuildCommands.DockerfileFlag;
import dev.propsops.repo.conventions.ShellWords.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every Dockerfile (and Cloud Build config) a script or CI file names exists: {@code docker build -f},
 * {@code --dockerfile}, {@code gcloud builds submit --config}, a CI action's {@code file:}. The handoff's
 * {@code deploy_processors_simple.sh} still built {@code docker/raw-processor.Dockerfile}, long gone.
 * A path built from the script's variables is checked as a pattern (the unknown parts match anything).
 */
final class FileReferenceRule implements Rule {
    @Override
    public String id() {
        return "missing-file-reference";
    }

    @Override
    public String description() {
        return "every Dockerfile or build config named in scripts and CI files exists";
    }

    @Override
    public List<Finding> check(RepoContext repo) {
        List<Finding> out = new ArrayList<>();
        for (RepoContext.Located at : repo.allBuilds()) {
            if (at.build() instanceof DockerBuild b) {
                if (b.file().isPresent()) {
                    missing(repo, at, b.file().get(), "Dockerfile", out);
                } else {
                    Optional<String> file = repo.dockerfileOf(at, b);
                    if (file.isPresent() && !file.get().equals("Dockerfile") && !repo.files.exists(file.get())) {
                        out.add(new Finding(id(), Rating.HIGH, at.where(), at.line(), "`docker build` builds "
                                + file.get() + " (the context's Dockerfile, no -f), which does not exist",
                                "give the Dockerfile with -f (the service map lists each service's), and build from the repository root"));
                    }
                }
            } else if (at.build() instanceof DockerfileFlag f) {
                missing(repo, at, f.path(), "Dockerfile", out);
            } else if (at.build() instanceof BuildsSubmit s && s.config().isPresent()) {
                missing(repo, at, s.config().get(), "Cloud Build config", out);
            }
        }
        return out;
    }

    private void missing(RepoContext repo, RepoContext.Located at, Word w, String what, List<Finding> out) {
        if (repo.exists(at, w)) {
            return;
        }
        Optional<String> p = at.path(w);
        String shown = w.dynamic() ? w.text() + " (" + p.orElse("?") + ")" : p.orElse(w.text());
        out.add(new Finding(id(), Rating.HIGH, at.where(), w.line(), "names the " + what + " " + shown + ", which does not exist"
                + (w.dynamic() ? ": no file matches" : ""),
                "point it at the file that builds the service now (the service map lists each service's Dockerfile), or remove the command"));
    }
}
