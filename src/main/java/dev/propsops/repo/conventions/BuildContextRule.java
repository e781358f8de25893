package dev.propsops.repo.conventions;

import dev.propsops.cli.Rating;
import dev.propsops.repo.conventions.BuildCommands.BuildsSubmit;
import dev.propsops.repo.conventions.BuildCommands.DockerBuild;
import dev.propsops.repo.conventions.BuildCommands.SourceDeploy;
import dev.propsops.repo.conventions.ShellWords.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Dockerfile that copies from the repository root ({@code COPY shared/ ...}, or any source that exists
 * only at the root) is built with the root as its context, and says so: its header comment names the
 * repository root (or shows a {@code docker build ... .} from it), and every script that builds it passes
 * the root as the context. From its own folder the COPY fails or, worse, copies a stale local copy.
 */
final class BuildContextRule implements Rule {
    private static final Pattern SAYS_ROOT = Pattern.compile(
            "(?i)\\b(repo(sitory)?|project)('s)?\\s+root\\b|\\broot of the (repo(sitory)?|project)\\b|\\bfrom the root\\b");

    @Override
    public String id() {
        return "build-context";
    }

    @Override
    public String description() {
        return "Dockerfiles that COPY shared/ (or other root paths) are built from the repository root, as their header and scripts say";
    }

    @Override
    public List<Finding> check(RepoContext repo) {
        List<Finding> out = new ArrayList<>();
        repo.dockerfiles.forEach((path, d) -> rootCopy(repo, d).ifPresent(copy -> {
            header(d, path, copy, out);
            builders(repo, path, copy, out);
        }));
        return out;
    }

    /** What the Dockerfile copies from the root, as "shared/ (line 7)", when it copies anything from there. */
    private static Optional<String> rootCopy(RepoContext repo, Dockerfile d) {
        String folder = d.folder();
        if (folder.isEmpty()) {
            return Optional.empty(); // a root Dockerfile has the root as its context anyway (root-dockerfile flags it)
        }
        for (Dockerfile.ContextCopy c : d.contextCopies()) {
            for (String source : c.sources()) {
                String s = RepoFiles.clean(source.replaceAll("[*?\\[].*$", ""));
                if (s.isEmpty() || s.startsWith("..")) {
                    continue;
                }
                boolean shared = s.equals("shared") || s.startsWith("shared/");
                boolean onlyAtRoot = repo.files.exists(s) && !repo.files.exists(RepoFiles.clean(folder + s));
                if (shared || onlyAtRoot) {
                    return Optional.of(source + " (line " + c.line() + ")");
                }
            }
        }
        return Optional.empty();
    }

    private void header(Dockerfile d, String path, String copy, List<Finding> out) {
        boolean saysRoot = false;
        for (Dockerfile.Comment c : d.header) {
            for (Command cmd : ShellWords.parse(c.text(), c.line())) {
                Optional<String> context = buildContext(cmd);
                if (context.isPresent() && !RepoFiles.clean(context.get()).isEmpty()) {
                    out.add(new Finding(id(), Rating.MEDIUM, path, c.line(), "its header builds it with the context " + context.get()
                            + ", but it copies " + copy + " from the repository root",
                            "correct the header: docker build -f " + path + " -t IMAGE ."));
                    return;
                }
                saysRoot |= context.isPresent();
            }
            saysRoot |= SAYS_ROOT.matcher(c.text()).find();
        }
        if (!saysRoot) {
            out.add(new Finding(id(), Rating.LOW, path, 1, "copies " + copy + " from the repository root, but its header comment "
                    + "does not say to build it from there", "start it with: # Build from the repository root: docker build -f "
                    + path + " -t IMAGE ."));
        }
    }

    /** The context of a docker build written in a comment. */
    private static Optional<String> buildContext(Command cmd) {
        for (int i = 0; i + 1 < cmd.words().size(); i++) {
            if (cmd.text(i).equals("docker") && cmd.text(i + 1).equals("build")) {
                for (int j = cmd.words().size() - 1; j > i + 1; j--) {
                    String t = cmd.text(j);
                    String before = cmd.text(j - 1);
                    if (!t.startsWith("-") && !(before.startsWith("-") && !before.contains("="))) {
                        return Optional.of(t);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private void builders(RepoContext repo, String path, String copy, List<Finding> out) {
        String fix = "build it from the repository root: docker build -f " + path + " -t IMAGE . (then deploy --image IMAGE)";
        for (RepoContext.Located at : repo.allBuilds()) {
            if (at.build() instanceof DockerBuild b) {
                if (!repo.dockerfileOf(at, b).map(path::equals).orElse(false) || b.context().isEmpty()) {
                    continue;
                }
                Optional<String> context = repo.folder(at, b.context().get());
                if (context.isPresent() && !context.get().isEmpty()) {
                    out.add(new Finding(id(), Rating.HIGH, at.where(), at.line(), "builds " + path + " with the context " + context.get()
                            + ", but it copies " + copy + " from the repository root", fix));
                }
            } else if (at.build() instanceof SourceDeploy s) {
                repo.folder(at, s.source()).filter(f -> !f.isEmpty() && (f + "/Dockerfile").equals(path)).ifPresent(f ->
                        out.add(new Finding(id(), Rating.HIGH, at.where(), at.line(), s.command() + " --source " + s.source().text()
                                + " builds " + path + " with " + f + " as the context, but it copies " + copy + " from the repository root", fix)));
            } else if (at.build() instanceof BuildsSubmit s && s.config().isEmpty() && s.source().isPresent()) {
                repo.folder(at, s.source().get()).filter(f -> !f.isEmpty() && (f + "/Dockerfile").equals(path)).ifPresent(f ->
                        out.add(new Finding(id(), Rating.HIGH, at.where(), at.line(), "gcloud builds submit " + s.source().get().text()
                                + " builds " + path + " with " + f + " as the context, but it copies " + copy + " from the repository root", fix)));
            }
        }
    }
}
