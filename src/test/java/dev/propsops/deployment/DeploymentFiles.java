package dev.propsops.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the deployment files of the repository: Dockerfiles, Cloud Run job specs, triggers. */
final class DeploymentFiles {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path DOCKERFILES = ROOT.resolve("deployment/dockerfiles");
    static final Path CLOUDRUN = ROOT.resolve("deployment/cloudrun");
    static final String BINARY = "/work/props-ops";
    /** Every job and the sport folders it must have a Dockerfile in. */
    static final Map<String, List<String>> JOBS = Map.of(
            "heartbeat-cleanup", List.of("platform"),
            "heartbeat-monitor", List.of("platform"),
            "log-triage", List.of("platform"),
            "drift-check", List.of("nba", "mlb"),
            "staging-prune", List.of("nba", "mlb"),
            "infra-audit", List.of("platform"));
    static final List<String> DESTRUCTIVE = List.of("heartbeat-cleanup", "staging-prune");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DOCKERFILE = Pattern.compile("(?<folder>[a-z]+)/Dockerfile\\.(?<job>[a-z-]+)");

    private DeploymentFiles() {
    }

    /** One Dockerfile: where it is and what it says. */
    record Dockerfile(Path path, String folder, String job, String text) {
        String relative() {
            return DOCKERFILES.relativize(path).toString();
        }

        /** The ENTRYPOINT, exec form. */
        List<String> entrypoint() {
            Matcher m = Pattern.compile("(?m)^ENTRYPOINT\\s+(\\[.*])\\s*$").matcher(text);
            if (!m.find()) {
                throw new AssertionError(relative() + " has no exec-form ENTRYPOINT");
            }
            try {
                List<String> args = new ArrayList<>();
                JSON.readTree(m.group(1)).forEach(n -> args.add(n.asText()));
                return args;
            } catch (IOException e) {
                throw new AssertionError(relative() + ": ENTRYPOINT is not a JSON array: " + m.group(1), e);
            }
        }

        /** The text of the stage named builder, from its FROM to the next FROM. */
        String builderStage() {
            int start = text.indexOf("FROM ");
            int next = text.indexOf("\nFROM ", start + 1);
            return text.substring(start, next < 0 ? text.length() : next);
        }

        /** Instructions of the last (runtime) stage. */
        String runtimeStage() {
            return text.substring(text.lastIndexOf("\nFROM ") + 1);
        }

        /** Sources of the COPY instructions that read the build context (not --from another stage). */
        List<String> contextCopySources() {
            List<String> sources = new ArrayList<>();
            Matcher m = Pattern.compile("(?m)^COPY\\s+(.+)$").matcher(text);
            while (m.find()) {
                List<String> words = new ArrayList<>(List.of(m.group(1).trim().split("\\s+")));
                if (words.stream().anyMatch(w -> w.startsWith("--from"))) {
                    continue;
                }
                words.removeIf(w -> w.startsWith("--"));
                sources.addAll(words.subList(0, words.size() - 1));
            }
            return sources;
        }
    }

    /** One Cloud Run job spec. */
    record JobSpec(Path path, String folder, String job, JsonNode yaml) {
        JsonNode taskSpec() {
            return yaml.path("spec").path("template").path("spec").path("template").path("spec");
        }

        JsonNode container() {
            return taskSpec().path("containers").path(0);
        }

        List<String> args() {
            List<String> args = new ArrayList<>();
            container().path("args").forEach(a -> args.add(a.asText()));
            return args;
        }
    }

    static List<Dockerfile> dockerfiles() {
        try (Stream<Path> files = Files.walk(DOCKERFILES)) {
            return files.filter(p -> p.getFileName().toString().startsWith("Dockerfile")).sorted().map(p -> {
                Matcher m = DOCKERFILE.matcher(DOCKERFILES.relativize(p).toString());
                if (!m.matches()) {
                    throw new AssertionError("misplaced or misnamed Dockerfile: " + ROOT.relativize(p)
                            + " (expected deployment/dockerfiles/<sport>/Dockerfile.<job>)");
                }
                return new Dockerfile(p, m.group("folder"), m.group("job"), read(p));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JobSpec> jobSpecs() {
        try (Stream<Path> files = Files.walk(CLOUDRUN)) {
            return files.filter(p -> p.toString().endsWith(".job.yaml")).sorted().map(p -> {
                String job = p.getFileName().toString().replace(".job.yaml", "");
                return new JobSpec(p, p.getParent().getFileName().toString(), job, yaml(p));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(Path p) {
        try {
            return YAML.readTree(p.toFile());
        } catch (IOException e) {
            throw new AssertionError(ROOT.relativize(p) + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
