package dev.propsops.repo.conventions;

import dev.propsops.cli.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No Dockerfile picks its service at run time from an environment variable: the handoff's multi-service
 * root Dockerfile ran whichever service {@code $SERVICE} named, so one wrong variable deployed the wrong
 * service. Flags an ENTRYPOINT or CMD (or the entrypoint script it runs, when the Dockerfile copies it in)
 * that branches on a variable ({@code case "$SERVICE" in}, {@code if [ "$SERVICE" = ... ]}), or builds
 * the program's path or module from a service-like variable ({@code python ${SERVICE}/main.py},
 * {@code gunicorn "${APP_MODULE}:app"}).
 */
final class RuntimeSelectionRule implements Rule {
    private static final Pattern VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    /** Variables a command may test without choosing what runs. */
    private static final Set<String> HARMLESS = Set.of("PORT", "DEBUG", "VERBOSE", "LOG_LEVEL", "HOME", "PATH", "PWD", "HOSTNAME",
            "USER", "TMPDIR", "LANG", "LC_ALL", "TZ", "JAVA_OPTS", "JAVA_TOOL_OPTIONS");
    /** Names that say "which service" (SERVICE, SERVICE_NAME, APP_MODULE, PROCESSOR, PHASE, RUN_MODE, K_SERVICE...). */
    private static final Pattern SERVICE_LIKE = Pattern.compile(
            "(?i)(^|_)(service|svc|processor|component|app|module|worker|role|phase|target|entry|entrypoint|job|mode|command|cmd|task)(_|$|name)");
    /** ... unless they name a place (APP_HOME, SERVICE_DIR). */
    private static final Pattern LOCATION = Pattern.compile("(?i)(^|_)(home|dir|path|root|folder|prefix|base|port|user)(_|$)");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh");

    @Override
    public String id() {
        return "runtime-service-selection";
    }

    @Override
    public String description() {
        return "no ENTRYPOINT or CMD picks the service at run time from an environment variable";
    }

    @Override
    public List<Finding> check(RepoContext repo) {
        List<Finding> out = new ArrayList<>();
        repo.dockerfiles.forEach((path, d) -> {
            for (Dockerfile.Instruction i : d.instructions) {
                if (!i.keyword().equals("ENTRYPOINT") && !i.keyword().equals("CMD")) {
                    continue;
                }
                List<String> exec = Dockerfile.jsonArray(i.args()).orElse(null);
                String script = exec == null ? i.args() : exec.size() >= 3 && SHELLS.contains(base(exec.get(0))) && exec.get(1).equals("-c")
                        ? String.join(" ", exec.subList(2, exec.size())) : String.join(" ", exec);
                Optional<String> why = selects(script, d.envNames(), false);
                if (why.isPresent()) {
                    out.add(finding(path, i, why.get()));
                    continue;
                }
                // the program it runs may be a script the Dockerfile copies in from the repository
                String program = exec != null && !exec.isEmpty() ? exec.get(0) : script.strip().split("\\s+")[0];
                entrypointScript(repo, d, base(program)).ifPresent(s -> repo.files.read(s).flatMap(text -> selectsInScript(text))
                        .ifPresent(w -> out.add(finding(path, i, "it runs " + s + ", which " + w))));
            }
        });
        return out;
    }

    private Finding finding(String path, Dockerfile.Instruction i, String why) {
        return new Finding(id(), Rating.HIGH, path, i.line(), i.keyword() + " picks what runs at run time: " + why,
                "give each service its own Dockerfile whose ENTRYPOINT runs that service only (exec form, no variable), "
                        + "and list each in the service map");
    }

    /** Why a command chooses its service from a variable, if it does. */
    static Optional<String> selects(String script, Set<String> fixedByEnv, boolean scriptFile) {
        Matcher m = VAR.matcher(script);
        while (m.find()) {
            String v = m.group(1);
            String q = "\"?\\$\\{?" + Pattern.quote(v) + "\\b[^\\s\"]*\"?";
            boolean serviceLike = SERVICE_LIKE.matcher(v).find() && !LOCATION.matcher(v).find();
            if (Pattern.compile("\\bcase\\s+" + q + "\\s+in\\b").matcher(script).find() && (!scriptFile || serviceLike)) {
                return Optional.of("it branches on $" + v + " (case)");
            }
            boolean compared = Pattern.compile("(\\[\\[?|\\btest)\\s+" + q + "\\s*(==?|!=)").matcher(script).find()
                    || Pattern.compile("(==?|!=)\\s*" + q + "\\s*]").matcher(script).find();
            if (compared && !HARMLESS.contains(v) && (!scriptFile || serviceLike)) {
                return Optional.of("it branches on $" + v + " (if/test)");
            }
            if (!scriptFile && serviceLike && Pattern.compile("\\$\\{?" + Pattern.quote(v) + "}?(?:[/.]|:[A-Za-z_])|(?:/|\\.|-m\\s+\"?)\\$\\{?"
                    + Pattern.quote(v) + "\\b").matcher(script).find()) {
                return Optional.of("the program's path or module comes from $" + v
                        + (fixedByEnv.contains(v) ? " (ENV gives it a default, but a deployment can change it)" : ""));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> selectsInScript(String text) {
        // only the branching of the script's own commands, not its comments
        StringBuilder code = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            String t = line.strip();
            if (!t.startsWith("#")) {
                code.append(line).append('\n');
            }
        }
        return selects(code.toString(), Set.of(), true).map(w -> w.replace("it branches", "branches"));
    }

    /** The repository file an entrypoint program comes from, when a COPY/ADD of the Dockerfile brings it in by that name. */
    private static Optional<String> entrypointScript(RepoContext repo, Dockerfile d, String programName) {
        if (programName.isEmpty() || programName.contains("$")) {
            return Optional.empty();
        }
        for (Dockerfile.ContextCopy c : d.contextCopies()) {
            for (String source : c.sources()) {
                String s = RepoFiles.clean(source);
                if (RepoFiles.name(s).equals(programName)) {
                    for (String candidate : List.of(s, RepoFiles.clean(d.folder() + s))) {
                        if (repo.files.isFile(candidate)) {
                            return Optional.of(candidate);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String base(String program) {
        return program.substring(program.lastIndexOf('/') + 1);
    }
}
