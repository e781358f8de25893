package dev.propsops.deployment;

import static dev.propsops.deployment.DeploymentFiles.BINARY;
import static dev.propsops.deployment.DeploymentFiles.DESTRUCTIVE;
import static dev.propsops.deployment.DeploymentFiles.JOBS;
import static dev.propsops.deployment.DeploymentFiles.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.PropsOps;
import dev.propsops.deployment.DeploymentFiles.Dockerfile;
import dev.propsops.deployment.DeploymentFiles.JobSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The deployment files tell the truth: names, images, arguments and docs match the code. */
class DeploymentFilesTest {
    private static final Set<String> FOLDERS = Set.of("platform", "nba", "mlb");

    /** Parses arguments with the CLI's own parser, as the binary would, without running anything. */
    private static ParseResult parse(String where, List<String> args) {
        try {
            return PropsOps.commandLine(CommandLine.defaultFactory()).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError(where + ": props-ops " + String.join(" ", args) + " does not parse: " + e.getMessage(), e);
        }
    }

    @Test
    void noDockerfileAtTheRepositoryRoot() throws IOException {
        try (Stream<Path> files = Files.list(ROOT)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("Dockerfile"));
        }
    }

    @Test
    void everyDockerfileIsAKnownJobInAKnownFolderAndItsEntrypointParses() {
        List<Dockerfile> dockerfiles = DeploymentFiles.dockerfiles();
        assertThat(dockerfiles).isNotEmpty();
        for (Dockerfile d : dockerfiles) {
            assertThat(FOLDERS).as(d.relative()).contains(d.folder());
            assertThat(JOBS).as(d.relative() + " names no known job").containsKey(d.job());
            List<String> entrypoint = d.entrypoint();
            assertThat(entrypoint.get(0)).as(d.relative()).isEqualTo(BINARY);
            List<String> args = entrypoint.subList(1, entrypoint.size());
            ParseResult parsed = parse(d.relative(), args);
            assertThat(parsed.subcommand()).as(d.relative() + " runs no subcommand").isNotNull();
            assertThat(parsed.subcommand().commandSpec().name()).as(d.relative()).isEqualTo(d.job());
            if (d.folder().equals("platform")) {
                assertThat(args).as(d.relative() + ": platform jobs serve every sport").doesNotContain("--sport");
            } else {
                Object sport = parsed.subcommand().matchedOptionValue("--sport", null);
                assertThat(String.valueOf(sport)).as(d.relative()).isEqualTo(d.folder());
            }
        }
    }

    @Test
    void everyJobHasADockerfileForEachSportItServesAndNoMore() {
        Set<String> expected = new TreeSet<>();
        JOBS.forEach((job, folders) -> folders.forEach(f -> expected.add(f + "/Dockerfile." + job)));
        Set<String> actual = DeploymentFiles.dockerfiles().stream().map(Dockerfile::relative)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void everyDockerfileBuildsFromTheRootContextAndSharesOneBuilderStage() {
        List<Dockerfile> dockerfiles = DeploymentFiles.dockerfiles();
        String dockerignore = DeploymentFiles.read(ROOT.resolve(".dockerignore"));
        String builder = dockerfiles.get(0).builderStage();
        for (Dockerfile d : dockerfiles) {
            assertThat(d.builderStage()).as(d.relative() + ": the builder stage must be identical everywhere (shared cache)")
                    .isEqualTo(builder).contains(" AS builder");
            for (String source : d.contextCopySources()) {
                Path p = ROOT.resolve(source);
                assertThat(Files.exists(p)).as(d.relative() + " copies " + source + ", which is not in the repository root").isTrue();
                String entry = source.endsWith("/") ? source : source + (Files.isDirectory(p) ? "/" : "");
                assertThat(dockerignore).as(".dockerignore must let " + source + " into the context").contains("!" + entry);
            }
            String runtime = d.runtimeStage();
            Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(runtime);
            assertThat(user.find()).as(d.relative() + ": the runtime stage sets no USER").isTrue();
            assertThat(user.group(1)).as(d.relative() + " runs as root").isNotIn("0", "root");
            assertThat(runtime).as(d.relative()).contains("COPY --from=builder").contains(BINARY);
        }
    }

    @Test
    void everyJobSpecPointsAtAnExistingDockerfileAndItsArgsParse() {
        List<JobSpec> specs = DeploymentFiles.jobSpecs();
        assertThat(specs).hasSameSizeAs(DeploymentFiles.dockerfiles());
        for (JobSpec spec : specs) {
            String where = DeploymentFiles.ROOT.relativize(spec.path()).toString();
            String name = "props-ops-" + spec.folder() + "-" + spec.job();
            Path dockerfile = DeploymentFiles.DOCKERFILES.resolve(spec.folder()).resolve("Dockerfile." + spec.job());
            assertThat(dockerfile).as(where + " has no Dockerfile").exists();
            assertThat(spec.yaml().path("metadata").path("name").asText()).as(where).isEqualTo(name);
            assertThat(spec.container().path("image").asText()).as(where)
                    .matches("\\$\\{REGION}-docker\\.pkg\\.dev/\\$\\{PROJECT_ID}/props-ops/" + Pattern.quote(name) + ":\\$\\{IMAGE_TAG}");
            Dockerfile d = DeploymentFiles.dockerfiles().stream().filter(x -> x.path().equals(dockerfile)).findFirst().orElseThrow();
            List<String> all = new ArrayList<>(d.entrypoint().subList(1, d.entrypoint().size()));
            all.addAll(spec.args());
            assertThat(parse(where, all).subcommand().commandSpec().name()).as(where).isEqualTo(spec.job());
            JsonNode task = spec.taskSpec();
            assertThat(task.path("serviceAccountName").asText()).as(where).endsWith("@${PROJECT_ID}.iam.gserviceaccount.com");
            assertThat(task.path("timeoutSeconds").asInt()).as(where).isPositive();
            assertThat(task.has("maxRetries")).as(where + " states its retries").isTrue();
            if (DESTRUCTIVE.contains(spec.job())) {
                assertThat(task.path("maxRetries").asInt()).as(where + ": a destructive job is never retried").isZero();
                if (spec.args().contains("--execute")) {
                    assertThat(spec.args()).as(where + ": no terminal on Cloud Run").contains("--yes");
                }
            }
        }
    }

    @Test
    void everyJobSpecHasATriggerWithACronScheduleAndATimeZone() throws IOException {
        Set<String> specs = new HashSet<>();
        DeploymentFiles.jobSpecs().forEach(s -> specs.add(s.folder() + "/" + s.job()));
        Set<String> triggers = new HashSet<>();
        try (Stream<Path> files = Files.walk(DeploymentFiles.CLOUDRUN)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".trigger.yaml")).toList()) {
                triggers.add(p.getParent().getFileName() + "/" + p.getFileName().toString().replace(".trigger.yaml", ""));
                JsonNode t = DeploymentFiles.yaml(p);
                assertThat(t.path("schedule").asText()).as(p.toString()).matches("\\S+( \\S+){4}");
                assertThat(t.path("timeZone").asText()).as(p.toString()).matches("[A-Za-z_]+/[A-Za-z_]+|UTC|Etc/UTC");
            }
        }
        assertThat(triggers).isEqualTo(specs);
    }

    @Test
    void everyJobSpecGivesItsOwnHeartbeatTheIntervalOfItsTriggersCron() {
        for (JobSpec spec : DeploymentFiles.jobSpecs()) {
            String where = DeploymentFiles.ROOT.relativize(spec.path()).toString();
            Path trigger = spec.path().resolveSibling(spec.job() + ".trigger.yaml");
            java.time.Duration cron = CronGaps.longestGap(DeploymentFiles.yaml(trigger).path("schedule").asText());
            String value = null;
            for (JsonNode env : spec.container().path("env")) {
                if (env.path("name").asText().equals(dev.propsops.monitoring.OwnHeartbeat.INTERVAL_ENV)) {
                    value = env.path("value").asText();
                }
            }
            assertThat(value).as(where + " sets no " + dev.propsops.monitoring.OwnHeartbeat.INTERVAL_ENV).isNotNull();
            assertThat(dev.propsops.cli.DurationConverter.parse(value)).as(where + ": the trigger fires every " + cron).isEqualTo(cron);
        }
    }

    @Test
    void cronGapsAreTheLongestWaitBetweenFirings() {
        assertThat(CronGaps.longestGap("*/30 * * * *")).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(CronGaps.longestGap("30 4 * * *")).isEqualTo(java.time.Duration.ofDays(1));
        assertThat(CronGaps.longestGap("0 6 * * 1")).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(CronGaps.longestGap("0 8 * * 1-5")).isEqualTo(java.time.Duration.ofDays(3));
        assertThat(CronGaps.longestGap("0 0,12 * * *")).isEqualTo(java.time.Duration.ofHours(12));
    }

    @Test
    void everyJobSpecNamesTheRolesItsJobNeedsForItsHeartbeatAndMetrics() {
        for (JobSpec spec : DeploymentFiles.jobSpecs()) {
            String where = DeploymentFiles.ROOT.relativize(spec.path()).toString();
            String text = DeploymentFiles.read(spec.path());
            List<String> roles = new ArrayList<>();
            Matcher m = Pattern.compile("(?m)^#\\s+(roles/[a-zA-Z.]+)").matcher(text);
            while (m.find()) {
                roles.add(m.group(1));
            }
            // every deployed job beats for itself (on by default on Cloud Run)
            assertThat(roles).as(where).contains("roles/datastore.user");
            CommandLine job = PropsOps.commandLine(CommandLine.defaultFactory()).getSubcommands().get(spec.job());
            if (job.getCommandSpec().findOption("--export-metrics") != null) {
                assertThat(roles).as(where + ": it exports metrics on Cloud Run").contains("roles/monitoring.metricWriter");
            } else {
                assertThat(roles).as(where).doesNotContain("roles/monitoring.metricWriter");
            }
        }
    }

    @Test
    void theDockerfilesReadmeTableListsExactlyTheDockerfilesThatExist() {
        String readme = DeploymentFiles.read(DeploymentFiles.DOCKERFILES.resolve("README.md"));
        Matcher m = Pattern.compile("(?m)^\\|[^|]+\\|[^|]+\\|\\s*`([a-z]+/Dockerfile\\.[a-z-]+)`\\s*\\|").matcher(readme);
        Set<String> listed = new TreeSet<>();
        while (m.find()) {
            listed.add(m.group(1));
        }
        Set<String> existing = DeploymentFiles.dockerfiles().stream().map(Dockerfile::relative)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(existing);
    }

    @Test
    void theServiceMapListsEveryJobWithItsDockerfileAndTheBuildInputs() {
        JsonNode map = DeploymentFiles.yaml(ROOT.resolve("deployment/services.yaml"));
        Set<String> listed = new TreeSet<>();
        for (JsonNode e : map.path("services")) {
            String name = e.path("name").asText();
            assertThat(e.path("kind").asText()).as(name).isEqualTo("job");
            listed.add(name + " " + e.path("dockerfile").asText());
            List<String> paths = new ArrayList<>();
            e.path("paths").forEach(p -> paths.add(p.asText()));
            // what the builder stage copies: a change to any of them is a new image
            assertThat(paths).as(name).containsExactlyInAnyOrder("pom.xml", ".mvn/", "mvnw", "src/main/");
        }
        Set<String> expected = new TreeSet<>();
        DeploymentFiles.jobSpecs().forEach(s -> expected.add("props-ops-" + s.folder() + "-" + s.job()
                + " deployment/dockerfiles/" + s.folder() + "/Dockerfile." + s.job()));
        assertThat(listed).isEqualTo(expected);
    }
}
