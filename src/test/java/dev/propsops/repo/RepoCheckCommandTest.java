package dev.propsops.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.testing.CliDriver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** repo-check on props-ops itself and on fixture repositories reproducing the handoff's Dockerfile cleanup. */
@QuarkusTest
class RepoCheckCommandTest {
    @Inject
    CommandLine.IFactory factory;

    @TempDir
    Path dir;

    CliDriver.Result run(String... args) {
        return new CliDriver(factory).run(args);
    }

    static List<String> findings(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("findings").forEach(f -> out.add(f.path("rating").asText() + " " + f.path("rule").asText() + " "
                + f.path("file").asText() + ":" + f.path("line").asInt()));
        return out;
    }

    @Test
    void propsOpsItselfLivesByTheRules() throws Exception {
        CliDriver.Result r = run("repo-check", "--repo", ".", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(findings(j)).isEmpty();
        assertThat(j.path("services_file_found").asBoolean()).isTrue();
        long dockerfiles;
        try (var files = Files.walk(Path.of("deployment/dockerfiles"))) {
            dockerfiles = files.filter(p -> p.getFileName().toString().startsWith("Dockerfile.")).count();
        }
        assertThat(j.path("checked").path("dockerfiles").asLong()).as("every job's Dockerfile, and no other").isEqualTo(dockerfiles);
        assertThat(j.path("checked").path("services").asLong()).as("one map entry per Dockerfile").isEqualTo(dockerfiles);
        assertThat(j.path("checked").path("scripts").asInt()).as(".ci/run, deploy-job.sh, mvnw, the benchmarks' scripts").isGreaterThanOrEqualTo(4);
    }

    @Test
    void theRepositoryBeforeTheCleanupBreaksEveryRuleWhereTheHandoffSaysItDid() throws Exception {
        HandoffRepos.before(dir);
        CliDriver.Result r = run("repo-check", "--repo", dir.toString(), "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(findings(j)).containsExactlyInAnyOrder(
                "medium root-dockerfile Dockerfile:1",
                "medium root-dockerfile Dockerfile.mlb-worker:1",
                "medium duplicate-dockerfile Dockerfile.mlb-worker:1",
                "high service-dockerfile deployment/services.yaml:6",
                "medium service-dockerfile deployment/services.yaml:15",
                "low utility-location scripts/backup/Dockerfile.odds_api_backfill:1",
                "high runtime-service-selection Dockerfile:5",
                "high runtime-service-selection services/combined/Dockerfile:3",
                "high runtime-service-selection data_processors/grading/Dockerfile:5",
                "high missing-file-reference bin/raw/deploy/deploy_processors_simple.sh:3",
                "high missing-file-reference bin/raw/deploy/deploy_processors_simple.sh:4",
                "high missing-file-reference cloudbuild.yaml:4",
                "high missing-file-reference cloudbuild.yaml:6",
                "high deploy-source bin/deploy_phase1_phase2.sh:2",
                "high deploy-source bin/deploy_phase1_phase2.sh:3",
                "low build-context predictions/worker/Dockerfile:1",
                "high build-context bin/deploy_worker.sh:2",
                "high build-context bin/deploy_worker.sh:3",
                "medium build-context predictions/coordinator/Dockerfile:1",
                "low build-context services/combined/Dockerfile:1");
        assertThat(j.path("worst").asText()).isEqualTo("high");
        assertThat(j.path("counts").path("high").asInt()).isEqualTo(12);
        assertThat(message(j, "Dockerfile.mlb-worker", "duplicate-dockerfile")).contains("same content as predictions/mlb/Dockerfile");
        assertThat(message(j, "Dockerfile", "runtime-service-selection")).contains("branches on $SERVICE");
        assertThat(message(j, "services/combined/Dockerfile", "runtime-service-selection"))
                .contains("it runs services/combined/entrypoint.sh, which branches on $PROCESSOR_NAME (case)");
        assertThat(message(j, "data_processors/grading/Dockerfile", "runtime-service-selection")).contains("module comes from $PHASE");
        assertThat(message(j, "bin/deploy_phase1_phase2.sh", "deploy-source")).contains("the root Dockerfile decides what runs");
        assertThat(message(j, "deployment/services.yaml", "service-dockerfile")).contains("nba-phase2-raw-processors names no Dockerfile");
        assertThat(fix(j, "scripts/backup/Dockerfile.odds_api_backfill", "utility-location"))
                .contains("deployment/dockerfiles/<sport>/Dockerfile.odds-api-backfill");
        assertThat(message(j, "bin/raw/deploy/deploy_processors_simple.sh", "missing-file-reference"))
                .contains("docker/raw-processor.Dockerfile, which does not exist");
        // the archive the map ignores and the git-ignored build output are not looked at
        assertThat(r.out()).doesNotContain("target/Dockerfile.generated");

        CliDriver.Result text = run("repo-check", "--repo", dir.toString());
        assertThat(text.out()).contains("HIGH     Dockerfile:5  [runtime-service-selection]", "fix: give each service its own Dockerfile")
                .contains("20 findings (12 HIGH, 5 MEDIUM, 3 LOW): exit 3 (--fail-on low)");
    }

    @Test
    void theRepositoryAfterTheCleanupPasses() {
        HandoffRepos.after(dir);
        CliDriver.Result r = run("repo-check", "--repo", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("no findings", "5 Dockerfiles", "5 services and jobs in deployment/services.yaml");
    }

    @Test
    void aBuildpackDecidesWhenThereIsNoRootDockerfile() throws Exception {
        HandoffRepos.after(dir);
        Files.writeString(dir.resolve("bin/quick.sh"), "#!/bin/sh\ngcloud run deploy nba-phase1-scrapers --source . --region us-west2\n"
                + "gcloud builds submit --tag gcr.io/p/x\n");
        CliDriver.Result r = run("repo-check", "--repo", dir.toString(), "--output", "json");
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(findings(j)).containsExactly("high deploy-source bin/quick.sh:2", "high deploy-source bin/quick.sh:3");
        assertThat(message(j, "bin/quick.sh", "deploy-source")).contains("no root Dockerfile, so a buildpack decides what runs");
    }

    @Test
    void failOnAndTheMissingMap() throws Exception {
        HandoffRepos.after(dir);
        Files.delete(dir.resolve("deployment/services.yaml"));
        CliDriver.Result r = run("repo-check", "--repo", dir.toString(), "--output", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        // without the map, its ignore list is gone too: the archived legacy Dockerfile is checked
        assertThat(findings(Json.mapper().readTree(r.out()))).containsExactly(
                "high runtime-service-selection docs/archive/dockerfiles/Dockerfile.multi-service-legacy:3",
                "low service-dockerfile deployment/services.yaml:0",
                "low utility-location docs/archive/dockerfiles/Dockerfile.multi-service-legacy:1");
        CliDriver.Result medium = run("repo-check", "--repo", dir.toString(), "--fail-on", "high");
        assertThat(medium.exitCode()).as(medium.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(medium.out()).contains("docs/archive/dockerfiles/Dockerfile.multi-service-legacy:3  [runtime-service-selection]");
        CliDriver.Result never = run("repo-check", "--repo", dir.toString(), "--fail-on", "never");
        assertThat(never.exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aFolderThatIsNotARepositoryIsReadWhole() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/Dockerfile"), "FROM scratch\n");
        CliDriver.Result r = run("repo-check", "--repo", dir.toString(), "--output", "json");
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.path("git").asBoolean()).isFalse();
        assertThat(findings(j)).contains("medium root-dockerfile Dockerfile:1", "medium duplicate-dockerfile Dockerfile:1");
    }

    @Test
    void brokenMapsAndFilesAreUsageErrorsOrFindingsNamingTheLine() throws Exception {
        HandoffRepos.after(dir);
        Path map = dir.resolve("deployment/services.yaml");
        Files.writeString(map, "---\nservices:\n  - name: prediction-worker\n    dockerfile: predictions/worker/Dockerfile\n    port: 8080\n");
        CliDriver.Result r = run("repo-check", "--repo", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("deployment/services.yaml:5: unknown key 'port'");

        Files.writeString(map, "---\nignore: [docs/archive/]\nservices:\n  - name: prediction-worker\n    dockerfile: predictions/worker/Dockerfil\n");
        CliDriver.Result missing = run("repo-check", "--repo", dir.toString(), "--output", "json");
        assertThat(missing.exitCode()).as("a missing Dockerfile is this job's finding, not a usage error").isEqualTo(ExitCode.FINDINGS);
        assertThat(findings(Json.mapper().readTree(missing.out()))).containsExactly("high service-dockerfile deployment/services.yaml:5");

        Files.writeString(map, "---\nignore: [docs/archive/]\nservices: []\n");
        Files.writeString(dir.resolve(".github/workflows/deploy.yml"), "---\njobs:\n  a: [unclosed\n");
        CliDriver.Result yaml = run("repo-check", "--repo", dir.toString(), "--output", "json");
        assertThat(yaml.exitCode()).isEqualTo(ExitCode.FINDINGS);
        JsonNode j = Json.mapper().readTree(yaml.out());
        assertThat(findings(j)).containsExactly("low unreadable-file .github/workflows/deploy.yml:4");
        assertThat(message(j, ".github/workflows/deploy.yml", "unreadable-file")).contains("not valid YAML");

        CliDriver.Result noMap = run("repo-check", "--repo", dir.toString(), "--services", dir.resolve("nope.yaml").toString());
        assertThat(noMap.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noMap.err()).contains("no service map at " + dir.resolve("nope.yaml"));

        for (String[] args : List.of(new String[] {"repo-check", "--repo", dir.resolve("nowhere").toString()},
                new String[] {"repo-check", "--fail-on", "often"}, new String[] {"repo-check", "--output", "yaml"},
                new String[] {"repo-check", "--rep", "."})) {
            CliDriver.Result bad = run(args);
            assertThat(bad.exitCode()).as(String.join(" ", args) + "\n" + bad).isEqualTo(ExitCode.USAGE);
            assertThat(bad.err()).isNotBlank().doesNotContain("\tat ");
        }
    }

    static String message(JsonNode j, String file, String rule) {
        return pick(j, file, rule).path("message").asText();
    }

    static String fix(JsonNode j, String file, String rule) {
        return pick(j, file, rule).path("fix").asText();
    }

    private static JsonNode pick(JsonNode j, String file, String rule) {
        for (JsonNode f : j.path("findings")) {
            if (f.path("file").asText().equals(file) && f.path("rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " finding on " + file + " in " + j.toPrettyString());
    }
}
