package dev.propsops.repo.conventions;

import dev.propsops.repo.conventions.ShellWords.Word;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every rule reads, parsed once: the files, the Dockerfiles, and the build commands of the scripts. */
final class RepoContext {
    final RepoFiles files;
    /** Every Dockerfile that could be read, by path. */
    final Map<String, Dockerfile> dockerfiles = new LinkedHashMap<>();
    final List<ScriptCommands.Parsed> scripts = new ArrayList<>();
    final List<BuildCommands.Builds> builds = new ArrayList<>();

    RepoContext(RepoFiles files) {
        this.files = files;
        for (String d : files.dockerfiles()) {
            files.read(d).ifPresent(text -> dockerfiles.put(d, Dockerfile.parse(d, text)));
        }
        for (RepoFiles.Script s : files.scripts()) {
            files.read(s.path()).ifPresent(text -> {
                ScriptCommands.Parsed parsed = ScriptCommands.parse(s, text);
                scripts.add(parsed);
                builds.add(BuildCommands.of(parsed));
            });
        }
    }

    /** Every build command of every script, with the script's variables. */
    List<Located> allBuilds() {
        List<Located> out = new ArrayList<>();
        for (BuildCommands.Builds b : builds) {
            b.builds().forEach(x -> out.add(new Located(x, b)));
        }
        return out;
    }

    record Located(BuildCommands.Build build, BuildCommands.Builds script) {
        /** A path word of this build, relative to where the command runs. */
        Optional<String> path(Word w) {
            return script.path(w, build.place().cwd());
        }

        String where() {
            return build.place().script().path();
        }

        int line() {
            return build.place().line();
        }

        String scriptFolder() {
            String p = where();
            return p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "";
        }
    }

    /**
     * Whether a path a script names exists: as a literal path (from where the command runs, or from the
     * script's own folder), or as a pattern matching a file of the repository.
     */
    boolean exists(Located at, Word w) {
        Optional<String> p = at.path(w);
        if (p.isEmpty()) {
            return true; // nothing known of it: not checkable, so not reported
        }
        if (p.get().contains("*")) {
            return !files.glob(p.get()).isEmpty();
        }
        if (files.exists(p.get())) {
            return true;
        }
        if (!w.dynamic() && !w.text().startsWith("/")) {
            String fromScript = RepoFiles.clean(at.scriptFolder() + "/" + w.text());
            return !fromScript.startsWith("..") && files.exists(fromScript);
        }
        return false;
    }

    /** The Dockerfile a {@code docker build} builds, when it is one definite path. */
    Optional<String> dockerfileOf(Located at, BuildCommands.DockerBuild b) {
        if (b.file().isPresent()) {
            return at.path(b.file().get()).filter(p -> !p.contains("*"));
        }
        return b.context().flatMap(at::path).filter(p -> !p.contains("*")).map(c -> c.isEmpty() ? "Dockerfile" : c + "/Dockerfile");
    }

    /** The folder a source deploy builds, when it is one definite path ("" for the root). */
    Optional<String> folder(Located at, Word w) {
        return at.path(w).filter(p -> !p.contains("*"));
    }

    /** The Dockerfiles at the repository root. */
    List<String> rootDockerfiles() {
        return files.files.stream().filter(f -> !f.contains("/") && RepoFiles.isDockerfileName(f)).toList();
    }
}
