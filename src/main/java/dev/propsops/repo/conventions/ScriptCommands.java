package dev.propsops.repo.conventions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.propsops.repo.conventions.ShellWords.Command;
import dev.propsops.repo.conventions.ShellWords.Word;
import dev.propsops.repo.servicemap.YamlErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands of a script or CI file, in the order they appear: a shell script whole; a Makefile with its
 * variables put in; in a CI YAML file, every string that holds commands (GitHub Actions' {@code run:},
 * GitLab's {@code script:}, Cloud Build's {@code bash -c} steps) and every Cloud Build {@code args:} list,
 * read as the docker or gcloud command its builder runs. YAML keys naming a Dockerfile
 * ({@code file:}, {@code dockerfile:}, as docker/build-push-action takes them) are kept too.
 */
final class ScriptCommands {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Pattern COMMAND_HINT = Pattern.compile("\\b(docker|podman|buildah|gcloud|kaniko|executor|cd|pushd)\\b|--dockerfile");
    private static final Set<String> DOCKERFILE_KEYS = Set.of("file", "dockerfile", "docker-file", "dockerfile_path", "dockerfilePath");
    private static final Pattern MAKE_VAR = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*)\\s*[:?+]?=\\s*(.*?)\\s*$");
    private static final Pattern BLOCK_INDICATOR = Pattern.compile(".*:\\s*[|>][-+0-9]*\\s*(#.*)?$|^\\s*-\\s*[|>][-+0-9]*\\s*$");

    /** A script's commands, the Dockerfile paths its YAML keys name, and why it could not be read, if so. */
    record Parsed(RepoFiles.Script script, List<Command> commands, List<Word> dockerfileKeys, Optional<Finding> unreadable) {
    }

    private ScriptCommands() {
    }

    static Parsed parse(RepoFiles.Script script, String text) {
        return switch (script.type()) {
            case SHELL -> new Parsed(script, ShellWords.parse(text, 1), List.of(), Optional.empty());
            case MAKE -> new Parsed(script, ShellWords.parse(makeVariables(text), 1), List.of(), Optional.empty());
            case YAML -> yaml(script, text);
        };
    }

    /** $(NAME) and ${NAME} replaced by the Makefile's own NAME = value (line count kept). */
    static String makeVariables(String text) {
        Map<String, String> vars = new HashMap<>();
        Matcher m = MAKE_VAR.matcher(text);
        while (m.find()) {
            vars.put(m.group(1), m.group(2));
        }
        String out = text;
        for (int round = 0; round < 3; round++) {
            Matcher ref = Pattern.compile("\\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]").matcher(out);
            StringBuilder b = new StringBuilder();
            boolean any = false;
            while (ref.find()) {
                String v = vars.get(ref.group(1));
                ref.appendReplacement(b, Matcher.quoteReplacement(v != null ? v : ref.group()));
                any |= v != null;
            }
            ref.appendTail(b);
            out = b.toString();
            if (!any) {
                break;
            }
        }
        return out;
    }

    private static Parsed yaml(RepoFiles.Script script, String text) {
        String[] lines = text.split("\r?\n", -1);
        List<Command> commands = new ArrayList<>();
        List<Word> keys = new ArrayList<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY && "args".equals(p.currentName())) {
                    commands.add(argsList(p));
                } else if (t == JsonToken.VALUE_STRING) {
                    String value = p.getText();
                    int line = p.currentTokenLocation().getLineNr();
                    String name = p.currentName();
                    if (name != null && DOCKERFILE_KEYS.contains(name) && RepoFiles.isDockerfileName(value.strip())) {
                        keys.add(new Word(value.strip(), line, value.contains("$")));
                    }
                    if (COMMAND_HINT.matcher(value).find()) {
                        int first = line >= 1 && line <= lines.length && BLOCK_INDICATOR.matcher(lines[line - 1]).matches() ? line + 1 : line;
                        commands.addAll(ShellWords.parse(value, first));
                    }
                }
            }
            return new Parsed(script, commands, keys, Optional.empty());
        } catch (JsonProcessingException e) {
            return new Parsed(script, commands, keys, Optional.of(new Finding("unreadable-file", dev.propsops.cli.Rating.LOW,
                    script.path(), YamlErrors.line(e), "could not check " + script.path() + ": not valid YAML (" + YamlErrors.message(e) + ")",
                    "fix the YAML (yamllint " + script.path() + " shows where); until then its build commands are not checked")));
        } catch (IOException e) {
            return new Parsed(script, commands, keys, Optional.of(new Finding("unreadable-file", dev.propsops.cli.Rating.LOW,
                    script.path(), 0, "could not read " + script.path() + ": " + e.getMessage(), "check the file")));
        }
    }

    /** A Cloud Build step's {@code args:}: the builder's command (docker or gcloud) with its arguments. */
    private static Command argsList(JsonParser p) throws IOException {
        List<Word> words = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (t.isScalarValue()) {
                words.add(new Word(p.getText(), p.currentTokenLocation().getLineNr(), p.getText().contains("$")));
            }
        }
        if (!words.isEmpty()) {
            String first = words.get(0).text();
            String builder = first.equals("build") || first.equals("buildx") ? "docker"
                    : List.of("builds", "run", "beta", "alpha").contains(first) ? "gcloud" : null;
            if (builder != null) {
                words.add(0, new Word(builder, words.get(0).line(), false));
            }
        }
        return new Command(words);
    }
}
