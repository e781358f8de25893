package dev.propsops.repo.conventions;

import dev.propsops.repo.conventions.ShellWords.Command;
import dev.propsops.repo.conventions.ShellWords.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build and deploy commands of a script, with what they build from: {@code docker build} (also
 * buildx, podman, buildah), {@code gcloud run deploy} / {@code gcloud run jobs deploy} with
 * {@code --source}, {@code gcloud builds submit}, and any {@code --dockerfile}. The script's working
 * folder is followed through {@code cd} (a script starts at the repository root; {@code cd "$(dirname
 * "$0")/.."} is understood), and its own variable assignments are put into paths; what stays unknown
 * becomes a wildcard.
 */
final class BuildCommands {
    /** docker build options that take a value (the next word, unless written --opt=value). */
    private static final Set<String> DOCKER_VALUE_OPTS = Set.of("-f", "--file", "-t", "--tag", "--build-arg", "--target", "--platform",
            "--label", "--cache-from", "--cache-to", "--secret", "--ssh", "--network", "--progress", "-o", "--output", "--iidfile",
            "--add-host", "--build-context", "--shm-size", "--ulimit", "-m", "--memory", "--memory-swap", "--cpu-shares",
            "--cpuset-cpus", "--cpuset-mems", "--cpu-period", "--cpu-quota", "--metadata-file", "--attest", "--annotation",
            "--allow", "--builder", "--cgroup-parent", "--isolation", "--security-opt", "--call", "--check");
    /** gcloud flags without a value; every other --flag takes the next word. */
    private static final Set<String> GCLOUD_BOOLEAN = Set.of("--async", "--no-source", "--suppress-logs", "--quiet", "-q",
            "--no-cache", "--allow-unauthenticated", "--no-allow-unauthenticated", "--no-traffic", "--execute-now", "--wait",
            "--use-http2", "--no-use-http2", "--default-buckets-behavior", "--verbosity");
    private static final Pattern ASSIGN = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** Where a command runs: a repository folder ("" = the root). */
    record Place(RepoFiles.Script script, int line, String cwd) {
    }

    sealed interface Build permits DockerBuild, SourceDeploy, BuildsSubmit, DockerfileFlag {
        Place place();
    }

    /** docker build [-f FILE] CONTEXT; paths as written, resolved against {@link Place#cwd()} by {@link #path}. */
    record DockerBuild(Place place, Optional<Word> file, Optional<Word> context) implements Build {
    }

    /** gcloud run [jobs] deploy --source DIR: Cloud Run builds DIR's Dockerfile, or a buildpack without one. */
    record SourceDeploy(Place place, String command, Word source) implements Build {
    }

    /** gcloud builds submit [--config FILE | --tag IMAGE] [SOURCE]. */
    record BuildsSubmit(Place place, Optional<Word> config, Optional<Word> tag, Optional<Word> source) implements Build {
    }

    /** --dockerfile FILE (kaniko and others), or a CI file's {@code file:}/{@code dockerfile:} key. */
    record DockerfileFlag(Place place, Word path) implements Build {
    }

    /** What the commands of one script build, with the script's variables for {@link #path}. */
    record Builds(List<Build> builds, Map<String, String> variables) {
        /**
         * A path word as a repository path pattern, relative to {@code cwd}: literal, or with {@code *} where a
         * value is unknown; empty when nothing of it is known (a bare variable) or it leaves the repository.
         */
        Optional<String> path(Word w, String cwd) {
            String t = w.dynamic() ? expand(w.text(), variables, 0) : w.text();
            if (t.startsWith("/") || t.startsWith("~")) {
                return Optional.empty();
            }
            if (t.replace("*", "").replace("/", "").replace(".", "").isEmpty() && t.contains("*")) {
                return Optional.empty();
            }
            // a leading unknown ("$root/...", "$(dirname "$0")/...") is a folder of its own, not below cwd
            String joined = t.startsWith("*") ? t.replaceAll("/{2,}", "/") : RepoFiles.clean(cwd.isEmpty() ? t : cwd + "/" + t);
            return joined.startsWith("..") ? Optional.empty() : Optional.of(joined);
        }
    }

    private BuildCommands() {
    }

    static Builds of(ScriptCommands.Parsed parsed) {
        RepoFiles.Script script = parsed.script();
        String scriptFolder = script.path().contains("/") ? script.path().substring(0, script.path().lastIndexOf('/')) : "";
        Map<String, String> vars = new HashMap<>();
        List<Build> out = new ArrayList<>();
        String cwd = "";
        for (Command c : parsed.commands()) {
            List<Word> w = new ArrayList<>(c.words());
            while (!w.isEmpty() && List.of("export", "local", "readonly", "declare", "sudo", "env", "time", "exec").contains(w.get(0).text())) {
                w.remove(0);
            }
            // leading assignments: NAME=value [command]
            while (!w.isEmpty() && ASSIGN.matcher(w.get(0).text()).matches()) {
                Matcher m = ASSIGN.matcher(w.get(0).text());
                m.matches();
                if (w.size() == 1) {
                    vars.put(m.group(1), m.group(2));
                }
                w.remove(0);
            }
            if (w.isEmpty()) {
                continue;
            }
            String program = base(w.get(0).text());
            if (program.equals("cd") || program.equals("pushd")) {
                cwd = w.size() < 2 ? "" : cd(w.get(1), cwd, scriptFolder, vars);
                continue;
            }
            if (program.equals("popd")) {
                cwd = "";
                continue;
            }
            Place place = new Place(script, c.line(), cwd);
            docker(w, place).ifPresent(out::add);
            gcloud(w, place).ifPresent(out::add);
            for (int i = 0; i < w.size(); i++) {
                String t = w.get(i).text();
                if (t.equals("--dockerfile") && i + 1 < w.size()) {
                    out.add(new DockerfileFlag(new Place(script, w.get(i).line(), cwd), w.get(i + 1)));
                } else if (t.startsWith("--dockerfile=")) {
                    Word x = w.get(i);
                    out.add(new DockerfileFlag(new Place(script, x.line(), cwd), new Word(t.substring(13), x.line(), x.dynamic())));
                }
            }
        }
        for (Word k : parsed.dockerfileKeys()) {
            out.add(new DockerfileFlag(new Place(script, k.line(), ""), k));
        }
        return new Builds(out, vars);
    }

    private static String cd(Word target, String cwd, String scriptFolder, Map<String, String> vars) {
        String t = target.text();
        if (t.equals("-") || t.equals("~")) {
            return "";
        }
        if (target.dynamic()) {
            Matcher self = Pattern.compile("^\\$\\(dirname \"?\\$(?:0|\\{?BASH_SOURCE(?:\\[0])?}?)\"?\\)(.*)$").matcher(t);
            if (self.matches()) {
                String joined = RepoFiles.clean(scriptFolder + "/" + self.group(1));
                return joined.startsWith("..") ? "" : joined;
            }
            String expanded = expand(t, vars, 0);
            if (!expanded.contains("*") && !expanded.startsWith("/")) {
                String joined = RepoFiles.clean(cwd + "/" + expanded);
                return joined.startsWith("..") ? "" : joined;
            }
            return ""; // cd "$root", cd "$(git rev-parse --show-toplevel)": the scripts' own root
        }
        if (t.startsWith("/")) {
            return "";
        }
        String joined = RepoFiles.clean(cwd + "/" + t);
        return joined.startsWith("..") ? "" : joined;
    }

    private static Optional<Build> docker(List<Word> w, Place place) {
        for (int k = 0; k + 1 < w.size(); k++) {
            String prog = base(w.get(k).text());
            int optsFrom = -1;
            if ((prog.equals("docker") || prog.equals("podman")) && w.get(k + 1).text().equals("build")) {
                optsFrom = k + 2;
            } else if ((prog.equals("docker") || prog.equals("podman")) && k + 2 < w.size()
                    && List.of("buildx", "image", "builder").contains(w.get(k + 1).text()) && w.get(k + 2).text().equals("build")) {
                optsFrom = k + 3;
            } else if (prog.equals("buildah") && List.of("bud", "build", "build-using-dockerfile").contains(w.get(k + 1).text())) {
                optsFrom = k + 2;
            }
            if (optsFrom < 0) {
                continue;
            }
            Optional<Word> file = Optional.empty();
            Optional<Word> context = Optional.empty();
            for (int i = optsFrom; i < w.size(); i++) {
                Word x = w.get(i);
                String t = x.text();
                if (t.equals("-f") || t.equals("--file")) {
                    if (i + 1 < w.size()) {
                        file = Optional.of(w.get(++i));
                    }
                } else if (t.startsWith("--file=")) {
                    file = Optional.of(new Word(t.substring(7), x.line(), x.dynamic()));
                } else if (t.startsWith("-f") && t.length() > 2 && !t.startsWith("--")) {
                    file = Optional.of(new Word(t.substring(2), x.line(), x.dynamic()));
                } else if (DOCKER_VALUE_OPTS.contains(t)) {
                    i++;
                } else if (t.startsWith("-")) {
                    continue;
                } else if (context.isEmpty()) {
                    context = Optional.of(x);
                }
            }
            if (file.isPresent() && file.get().text().equals("-")) {
                file = Optional.empty();
            }
            return Optional.of(new DockerBuild(place, file, context));
        }
        return Optional.empty();
    }

    private static Optional<Build> gcloud(List<Word> w, Place place) {
        for (int g = 0; g < w.size(); g++) {
            if (!base(w.get(g).text()).equals("gcloud")) {
                continue;
            }
            int i = g + 1;
            while (i < w.size() && (w.get(i).text().equals("beta") || w.get(i).text().equals("alpha") || w.get(i).text().startsWith("-"))) {
                i++;
            }
            String verb = join(w, i, 2);
            boolean runDeploy = verb.equals("run deploy");
            boolean jobsDeploy = join(w, i, 3).equals("run jobs deploy");
            boolean submit = verb.equals("builds submit");
            if (!runDeploy && !jobsDeploy && !submit) {
                return Optional.empty();
            }
            int from = i + (jobsDeploy ? 3 : 2);
            Map<String, Word> opts = new HashMap<>();
            List<Word> positional = new ArrayList<>();
            for (int j = from; j < w.size(); j++) {
                Word x = w.get(j);
                String t = x.text();
                if (t.startsWith("--") && t.contains("=")) {
                    opts.put(t.substring(0, t.indexOf('=')), new Word(t.substring(t.indexOf('=') + 1), x.line(), x.dynamic()));
                } else if (t.startsWith("-") && !GCLOUD_BOOLEAN.contains(t) && j + 1 < w.size() && !w.get(j + 1).text().startsWith("-")) {
                    opts.put(t, w.get(++j));
                } else if (!t.startsWith("-")) {
                    positional.add(x);
                }
            }
            if (submit) {
                Optional<Word> tag = Optional.ofNullable(opts.getOrDefault("--tag", opts.get("-t")));
                return Optional.of(new BuildsSubmit(place, Optional.ofNullable(opts.get("--config")), tag,
                        positional.isEmpty() ? Optional.empty() : Optional.of(positional.get(0))));
            }
            Word source = opts.get("--source");
            return source == null ? Optional.empty()
                    : Optional.of(new SourceDeploy(place, jobsDeploy ? "gcloud run jobs deploy" : "gcloud run deploy", source));
        }
        return Optional.empty();
    }

    private static String join(List<Word> w, int from, int n) {
        if (from + n > w.size()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = from; i < from + n; i++) {
            b.append(i > from ? " " : "").append(w.get(i).text());
        }
        return b.toString();
    }

    /** Expands the script's variables; what stays unknown becomes '*'. */
    static String expand(String text, Map<String, String> vars, int depth) {
        String t = text.replaceAll("\\$\\((?:[^()]|\\([^()]*\\))*\\)", "*").replaceAll("`[^`]*`", "*")
                .replaceAll("\\$\\{?[0-9@*#?!$-]}?", "*");
        Matcher m = VAR.matcher(t);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            String value = vars.get(name);
            if (value == null && m.group(2) != null) {
                value = m.group(3);
            }
            String replacement = value == null ? "*" : depth < 3 ? expand(value, vars, depth + 1) : "*";
            m.appendReplacement(b, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(b);
        return b.toString().replaceAll("\\*+", "*").replace("\"", "");
    }

    private static String base(String program) {
        return program.substring(program.lastIndexOf('/') + 1);
    }
}
