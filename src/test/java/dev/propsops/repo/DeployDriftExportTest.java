package dev.propsops.repo;

import static dev.propsops.repo.KnativeExports.job;
import static dev.propsops.repo.KnativeExports.revision;
import static dev.propsops.repo.KnativeExports.service;
import static dev.propsops.repo.KnativeExports.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.testing.CliDriver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** deploy-drift from gcloud's exports against a real repository: no Google Cloud, no credentials. */
@QuarkusTest
class DeployDriftExportTest {
    static final Instant NOW = Instant.parse("2026-01-30T12:00:00Z");
    static final String IMAGES = "us-west2-docker.pkg.dev/nba-props-platform/images/";

    @Inject
    CommandLine.IFactory factory;

    @TempDir
    Path dir;

    Path repo;
    PlatformRepo platform;
    Path services;
    Path revisions;
    Path jobs;

    @BeforeEach
    void platform() {
        repo = dir.resolve("platform");
        platform = PlatformRepo.create(repo);
        String p = PlatformRepo.shortId(platform.initial);
        services = write(dir.resolve("services.json"),
                service("prediction-worker", "prediction-worker-00042-new", IMAGES + "worker:x",
                        Map.of("BUILD_COMMIT", platform.coordinatorChange.substring(0, 7)), "prediction-worker-00042-new=90",
                        "prediction-worker-00041-old=10"),
                service("prediction-coordinator", "prediction-coordinator-00007-a", IMAGES + "coordinator:y",
                        Map.of("BUILD_COMMIT", platform.sharedChange), "prediction-coordinator-00007-a=100"),
                service("nba-phase3-analytics-processors", "nba-phase3-analytics-processors-00166-9pr", IMAGES + "analytics:z",
                        Map.of("BUILD_COMMIT", "99999999aa"), "nba-phase3-analytics-processors-00166-9pr=100"),
                service("nba-phase1-scrapers", "nba-phase1-scrapers-00012-q", IMAGES + "scrapers:sha-" + p, Map.of(),
                        "nba-phase1-scrapers-00012-q=100"),
                service("mlb-prediction-worker", "mlb-prediction-worker-00003-z", IMAGES + "mlb-worker:latest", Map.of(),
                        "mlb-prediction-worker-00003-z=100"),
                service("nba-grading", "nba-grading-00001-a", IMAGES + "grading:latest", Map.of("BUILD_COMMIT", p), "nba-grading-00001-a=100"));
        revisions = write(dir.resolve("revisions.json"),
                revision("prediction-worker", "prediction-worker-00042-new", IMAGES + "worker:x",
                        Map.of("BUILD_COMMIT", platform.coordinatorChange.substring(0, 7))),
                revision("prediction-worker", "prediction-worker-00041-old", IMAGES + "worker:w",
                        Map.of("BUILD_COMMIT", platform.workerChange.substring(0, 10))),
                revision("prediction-worker", "prediction-worker-00040-older", IMAGES + "worker:v", Map.of()));
        jobs = write(dir.resolve("jobs.json"), job("nba-odds-api-backfill", IMAGES + "backfill:a", Map.of("BUILD_COMMIT", platform.initial)));
    }

    CliDriver.Result run(String... args) {
        return new CliDriver(factory).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .env("GOOGLE_APPLICATION_CREDENTIALS", dir.resolve("no-such-key.json").toString()).run(args);
    }

    static JsonNode unit(JsonNode report, String name) {
        for (JsonNode u : report.path("services")) {
            if (u.path("name").asText().equals(name)) {
                return u;
            }
        }
        throw new AssertionError("no " + name + " in " + report.toPrettyString());
    }

    @Test
    void everyServiceAndJobGetsItsVerdictAndTheWorstDecidesTheExitCode() throws Exception {
        CliDriver.Result r = run("deploy-drift", "--repo", repo.toString(), "--from-export", services.toString(), "--from-export",
                revisions.toString(), "--from-export", jobs.toString(), "--output", "json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.err()).doesNotContain("credentials");
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.path("worst").asText()).isEqualTo("high");
        assertThat(j.path("fail_on").asText()).isEqualTo("medium");
        assertThat(j.path("exit_code").asInt()).isEqualTo(3);
        assertThat(j.path("branch").asText()).isEqualTo("main");
        assertThat(j.path("branch_commit").asText()).isEqualTo(platform.docsChange);
        Map<String, String> verdicts = new java.util.TreeMap<>();
        j.path("services").forEach(u -> verdicts.put(u.path("name").asText(), u.path("verdict").asText()));
        assertThat(verdicts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "prediction-worker", "behind",
                "prediction-coordinator", "behind",
                "nba-phase3-analytics-processors", "unknown",
                "nba-phase1-scrapers", "current",
                "mlb-prediction-worker", "cannot_tell",
                "nba-phase4-precompute-processors", "not_deployed",
                "nba-grading", "not_in_map",
                "nba-odds-api-backfill", "current"));
        assertThat(j.path("counts").path("behind").asInt()).isEqualTo(2);
        assertThat(j.path("failing")).extracting(JsonNode::asText)
                .containsExactly("nba-phase3-analytics-processors", "mlb-prediction-worker", "prediction-coordinator", "prediction-worker");
        assertThat(j.path("services").get(0).path("name").asText()).as("worst first").isEqualTo("nba-phase3-analytics-processors");

        // a traffic split: both serving revisions are judged, the worse one decides
        JsonNode worker = unit(j, "prediction-worker");
        assertThat(worker.path("revisions")).hasSize(2);
        JsonNode newer = worker.path("revisions").get(0);
        assertThat(newer.path("revision").asText()).isEqualTo("prediction-worker-00042-new");
        assertThat(newer.path("percent").asInt()).isEqualTo(90);
        assertThat(newer.path("verdict").asText()).isEqualTo("current");
        assertThat(newer.path("resolved_commit").asText()).isEqualTo(platform.coordinatorChange);
        JsonNode older = worker.path("revisions").get(1);
        assertThat(older.path("verdict").asText()).isEqualTo("behind");
        assertThat(older.path("commit_source").asText()).isEqualTo("env BUILD_COMMIT");
        assertThat(older.path("undeployed").path("count").asInt()).isEqualTo(1);
        assertThat(older.path("undeployed").path("commits").get(0).path("subject").asText()).isEqualTo("shared: utils v2");
        assertThat(older.path("undeployed").path("files").get(0).path("path").asText()).isEqualTo("shared/utils.py");
        assertThat(worker.path("message").asText()).contains("revision prediction-worker-00041-old (10% of traffic) runs "
                + platform.workerChange.substring(0, 10), "1 commit behind main");
        assertThat(worker.path("latest_change").path("commit").asText()).isEqualTo(platform.sharedChange);
        assertThat(worker.path("paths")).extracting(JsonNode::asText).containsExactly("predictions/worker/", "shared/", "predictions/worker/Dockerfile");

        JsonNode coordinator = unit(j, "prediction-coordinator");
        JsonNode behind = coordinator.path("revisions").get(0).path("undeployed");
        assertThat(behind.path("count").asInt()).isEqualTo(1);
        assertThat(behind.path("age_seconds").asLong()).isEqualTo(NOW.getEpochSecond() - GitFixture.START.plusSeconds(3 * 3600).getEpochSecond());
        assertThat(coordinator.path("fix").asText()).contains("redeploy prediction-coordinator from main");

        JsonNode unknown = unit(j, "nba-phase3-analytics-processors");
        assertThat(unknown.path("rating").asText()).isEqualTo("high");
        assertThat(unknown.path("message").asText()).contains("runs 99999999aa (env BUILD_COMMIT), which is not in the repository");

        JsonNode scrapers = unit(j, "nba-phase1-scrapers").path("revisions").get(0);
        assertThat(scrapers.path("commit_source").asText()).isEqualTo("image tag");
        assertThat(scrapers.path("commit_note").asText()).contains("BUILD_COMMIT is not set");

        JsonNode cannot = unit(j, "mlb-prediction-worker");
        assertThat(cannot.path("rating").asText()).isEqualTo("medium");
        assertThat(cannot.path("message").asText()).contains("cannot tell what revision mlb-prediction-worker-00003-z runs",
                "BUILD_COMMIT is not set", IMAGES + "mlb-worker:latest");
        assertThat(cannot.path("fix").asText()).contains("--update-env-vars BUILD_COMMIT=$(git rev-parse HEAD)");

        assertThat(unit(j, "nba-grading").path("rating").asText()).isEqualTo("low");
        assertThat(unit(j, "nba-phase4-precompute-processors").path("message").asText()).contains("the export has no service");
        assertThat(unit(j, "nba-odds-api-backfill").path("kind").asText()).isEqualTo("job");
    }

    @Test
    void aServicesExportAloneCannotTellWhatTheOtherSideOfASplitRuns() throws Exception {
        CliDriver.Result r = run("deploy-drift", "--repo", repo.toString(), "--from-export", services.toString(), "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode j = Json.mapper().readTree(r.out());
        JsonNode worker = unit(j, "prediction-worker");
        assertThat(worker.path("verdict").asText()).isEqualTo("cannot_tell");
        JsonNode other = worker.path("revisions").get(1);
        assertThat(other.path("message").asText()).isEqualTo("cannot tell what revision prediction-worker-00041-old (10% of traffic) runs "
                + "from an export: it describes only the template's revision (prediction-worker-00042-new)");
        assertThat(other.path("fix").asText()).contains("gcloud run revisions list --service prediction-worker --format=json");
        assertThat(worker.path("revisions").get(0).path("verdict").asText()).as("the template's revision is known").isEqualTo("current");
        JsonNode backfill = unit(j, "nba-odds-api-backfill");
        assertThat(backfill.path("verdict").asText()).isEqualTo("not_checked");
        assertThat(backfill.path("fix").asText()).contains("gcloud run jobs list --format=json");

        // executions say how runs ended, not what the next one is built from: the job stays unchecked
        CliDriver.Result withExecutions = run("deploy-drift", "--repo", repo.toString(), "--from-export", services.toString(),
                "--from-export", Path.of("src/test/resources/cloudrun/executions.json").toString(), "--output", "json");
        assertThat(unit(Json.mapper().readTree(withExecutions.out()), "nba-odds-api-backfill").path("verdict").asText())
                .isEqualTo("not_checked");
    }

    @Test
    void theTextReportSaysWhatToDoAndTheThresholdDecides() throws Exception {
        CliDriver.Result r = run("deploy-drift", "--repo", repo.toString(), "--from-export", services.toString(), "--from-export",
                revisions.toString(), "--from-export", jobs.toString(), "--fail-on", "never");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("deploy-drift: gcloud export " + services, "against " + repo.toRealPath(), "(main at "
                + PlatformRepo.shortId(platform.docsChange) + ")")
                .contains("HIGH     service nba-phase3-analytics-processors: unknown")
                .contains("MEDIUM   service prediction-worker: behind", "- current: revision prediction-worker-00042-new (90% of traffic)")
                .contains("fix: redeploy prediction-worker from main")
                .contains("LOW      service nba-grading: not in map")
                .contains("INFO     job nba-odds-api-backfill: current")
                .contains("8 services and jobs: 2 current", "1 unknown", "worst HIGH", "--fail-on never: report only");
        assertThat(r.out().indexOf("HIGH")).isLessThan(r.out().indexOf("MEDIUM"));

        CliDriver.Result high = run("deploy-drift", "--repo", repo.toString(), "--from-export", services.toString(), "--fail-on", "high");
        assertThat(high.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(high.out()).contains("1 at or above --fail-on high: exit 3");
    }

    @Test
    void onlyCurrentServicesExitZero() throws Exception {
        Files.writeString(dir.resolve("current.yaml"), """
                services:
                  - name: nba-phase1-scrapers
                    dockerfile: scrapers/Dockerfile
                  - name: nba-odds-api-backfill
                    kind: job
                    dockerfile: deployment/dockerfiles/nba/Dockerfile.odds-api-backfill
                    paths: [bin/backfill/]
                """);
        Path only = write(dir.resolve("scrapers.json"), service("nba-phase1-scrapers", "nba-phase1-scrapers-00012-q",
                IMAGES + "scrapers:0a", Map.of("BUILD_COMMIT", platform.docsChange), "nba-phase1-scrapers-00012-q=100"));
        CliDriver.Result r = run("deploy-drift", "--repo", repo.toString(), "--services", dir.resolve("current.yaml").toString(),
                "--from-export", only.toString(), "--from-export", jobs.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("2 services and jobs: 2 current; worst INFO", "nothing at or above --fail-on medium");

        // what other repositories deploy is not "missing from the map"
        Files.writeString(dir.resolve("current.yaml"), "external: [nba-grad*]\n" + Files.readString(dir.resolve("current.yaml")));
        Path two = write(dir.resolve("two.json"), (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(only.toFile()).get(0),
                service("nba-grading", "nba-grading-00001-a", IMAGES + "grading:latest", Map.of(), "nba-grading-00001-a=100"));
        CliDriver.Result external = run("deploy-drift", "--repo", repo.toString(), "--services", dir.resolve("current.yaml").toString(),
                "--from-export", two.toString(), "--from-export", jobs.toString());
        assertThat(external.out()).as(external.toString()).doesNotContain("nba-grading").contains("2 services and jobs: 2 current");
    }

    @Test
    void aBareCloneIsEnoughAndItsMapComesFromTheBranch() throws Exception {
        Path bare = dir.resolve("platform.git");
        try (Git g = Git.cloneRepository().setBare(true).setURI(repo.toUri().toString()).setDirectory(bare.toFile()).call()) {
            assertThat(g.getRepository().isBare()).isTrue();
        }
        CliDriver.Result r = run("deploy-drift", "--repo", bare.toString(), "--from-export", services.toString(), "--from-export",
                revisions.toString(), "--from-export", jobs.toString(), "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.path("services_file").asText()).isEqualTo("deployment/services.yaml (on main)");
        assertThat(unit(j, "prediction-coordinator").path("verdict").asText()).isEqualTo("behind");
    }

    @Test
    void anEarlierBranchMakesTheSameDeploymentCurrent() throws Exception {
        try (Git g = Git.open(repo.toFile())) {
            g.branchCreate().setName("release").setStartPoint(platform.sharedChange).call();
        }
        CliDriver.Result r = run("deploy-drift", "--repo", repo.toString(), "--branch", "release", "--from-export", services.toString(),
                "--output", "json");
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.path("branch").asText()).isEqualTo("release");
        // the coordinator runs the shared change, which is release's latest change to its paths
        assertThat(unit(j, "prediction-coordinator").path("verdict").asText()).isEqualTo("current");
        // the worker's template revision runs a commit release does not have, which includes everything release has
        assertThat(unit(j, "prediction-worker").path("revisions").get(0).path("message").asText()).contains("itself is not on release");
    }

    @Test
    void brokenExportsAreUsageErrorsNamingTheFileAndLine() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "[\n  {\"kind\": \"Service\", \"metadata\": {\"name\": \"a\"}},\n  {\"kind\": \"Service\",\n");
        CliDriver.Result r = run("deploy-drift", "--repo", repo.toString(), "--from-export", broken.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(broken + ":4: not valid JSON").doesNotContain("Exception");

        Path pods = dir.resolve("pods.json");
        Files.writeString(pods, "[\n  {\"kind\": \"Pod\"}\n]\n");
        CliDriver.Result wrong = run("deploy-drift", "--repo", repo.toString(), "--from-export", pods.toString());
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(wrong.err()).contains(pods + ":2: records of kind Pod", "gcloud run services list --format=json");

        Path nameless = dir.resolve("nameless.json");
        Files.writeString(nameless, "[\n  {\"kind\": \"Service\", \"metadata\": {}}\n]\n");
        CliDriver.Result noName = run("deploy-drift", "--repo", repo.toString(), "--from-export", nameless.toString());
        assertThat(noName.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noName.err()).contains(nameless + ":2: a service without metadata.name");

        CliDriver.Result twice = run("deploy-drift", "--repo", repo.toString(), "--from-export", services.toString(), "--from-export",
                services.toString());
        assertThat(twice.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(twice.err()).contains("are both `gcloud run services list --format=json` output");

        CliDriver.Result missing = run("deploy-drift", "--repo", repo.toString(), "--from-export", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("no such file: " + dir.resolve("nope.json"));

        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "[]\n");
        CliDriver.Result none = run("deploy-drift", "--repo", repo.toString(), "--from-export", empty.toString(), "--output", "json");
        assertThat(none.exitCode()).as("every mapped service is then not deployed: LOW").isEqualTo(ExitCode.OK);
        assertThat(Json.mapper().readTree(none.out()).path("counts").path("not_deployed").asInt()).isEqualTo(6);

        Path nothing = dir.resolve("nothing.json");
        Files.writeString(nothing, "");
        CliDriver.Result failedExport = run("deploy-drift", "--repo", repo.toString(), "--from-export", nothing.toString());
        assertThat(failedExport.exitCode()).as("an empty file is a failed export, not an empty project").isEqualTo(ExitCode.USAGE);
        assertThat(failedExport.err()).contains(nothing + " is empty");
        assertThat(failedExport.out()).isEmpty();
    }

    @Test
    void aBrokenServiceMapIsAUsageErrorNamingItsLines() throws Exception {
        Path map = dir.resolve("map.yaml");
        Files.writeString(map, """
                services:
                  - name: prediction-worker
                    dockerfile: predictions/worker/Dockerfile
                    paths: [predictions/worker/, shraed/]
                  - name: prediction-coordinator
                    dockerfle: predictions/coordinator/Dockerfile
                """);
        CliDriver.Result r = run("deploy-drift", "--repo", repo.toString(), "--services", map.toString(), "--from-export", services.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(map + ":4: path shraed/ of service prediction-worker does not exist in the repository")
                .contains(map + ":6: unknown key 'dockerfle'")
                .contains(map + ":5: service prediction-coordinator names no Dockerfile");
        assertThat(r.out()).isEmpty();

        Files.writeString(map, "services:\n  - name: a\n\tdockerfile: x\n");
        CliDriver.Result tab = run("deploy-drift", "--repo", repo.toString(), "--services", map.toString(), "--from-export", services.toString());
        assertThat(tab.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(tab.err()).contains(map + ":3: not valid YAML");

        CliDriver.Result none = run("deploy-drift", "--repo", repo.toString(), "--services", dir.resolve("nope.yaml").toString(),
                "--from-export", services.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("no service map at " + dir.resolve("nope.yaml"));
    }

    @Test
    void wrongFlagsAndRepositoriesAreUsageErrors() throws Exception {
        List<List<String>> cases = new ArrayList<>();
        cases.add(List.of("deploy-drift", "--from-export", services.toString()));
        cases.add(List.of("deploy-drift", "--repo", dir.resolve("nowhere").toString(), "--from-export", services.toString()));
        cases.add(List.of("deploy-drift", "--repo", dir.toString(), "--from-export", services.toString()));
        cases.add(List.of("deploy-drift", "--repo", repo.toString(), "--branch", "nope", "--from-export", services.toString()));
        cases.add(List.of("deploy-drift", "--repo", repo.toString(), "--commit-env", "BUILD-COMMIT", "--from-export", services.toString()));
        cases.add(List.of("deploy-drift", "--repo", repo.toString(), "--region", "west", "--from-export", services.toString()));
        cases.add(List.of("deploy-drift", "--repo", repo.toString(), "--fail-on", "sometimes", "--from-export", services.toString()));
        cases.add(List.of("deploy-drift", "--repo", repo.toString(), "--output", "xml", "--from-export", services.toString()));
        cases.add(List.of("deploy-drift", "--repo", repo.toString(), "--frm-export", services.toString()));
        for (List<String> args : cases) {
            CliDriver.Result r = run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(args + "\n" + r).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as(args.toString()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        }
        Files.writeString(repo.resolve(".git/shallow"), platform.sharedChange + "\n");
        CliDriver.Result shallow = run("deploy-drift", "--repo", repo.toString(), "--from-export", services.toString());
        assertThat(shallow.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(shallow.err()).contains("is a shallow clone", "fetch-depth: 0");
    }
}
