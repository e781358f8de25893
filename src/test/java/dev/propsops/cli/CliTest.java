package dev.propsops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.testing.CliDriver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The top command and the shared conventions, driven in-process. */
@QuarkusTest
class CliTest {
    @Inject
    CommandLine.IFactory factory;

    @Test
    void helpListsEveryJobWithASummaryAndTheExitCodes() {
        CliDriver.Result r = new CliDriver(factory).run("--help");
        assertThat(r.exitCode()).isEqualTo(0);
        for (String job : new String[] { "heartbeat", "heartbeat-cleanup", "heartbeat-monitor", "drift-check",
                "staging-prune", "log-triage", "infra-audit", "deploy-drift", "repo-check", "demo" }) {
            assertThat(r.out()).containsPattern("(?m)^\\s+" + job + "\\s+\\S+");
        }
        assertThat(r.out()).contains("Exit codes:", "0  done", "1  could not", "2  usage", "3  done with findings");
    }

    @ParameterizedTest
    @ValueSource(strings = { "heartbeat", "heartbeat-cleanup", "heartbeat-monitor", "drift-check", "staging-prune", "log-triage",
            "infra-audit", "deploy-drift", "repo-check", "demo" })
    void everyJobAnswersHelpEvenWithRequiredOptions(String job) {
        CliDriver.Result r = new CliDriver(factory).run(job, "--help");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(0);
        assertThat(r.out()).contains("Usage: props-ops " + job, "--help");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void versionPrintsTheVersionAndCommit() {
        CliDriver.Result r = new CliDriver(factory).run("--version");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out().strip()).matches("props-ops \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{7,}|unknown)\\)");
    }

    @Test
    void noJobIsAUsageError() {
        CliDriver.Result r = new CliDriver(factory).run();
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("a job is required", "Commands:");
    }

    @ParameterizedTest
    @ValueSource(strings = { "--bogus", "heartbeat --processor p --status running --bogus",
            "heartbeat --processor p --status sleeping", "heartbeat --status running",
            "heartbeat --processor p --status running --expected-interval soon",
            "heartbeat --processor p --status running --data-date 2026-13-01", "no-such-job" })
    void wrongFlagsAreUsageErrorsWithAMessage(String args) {
        CliDriver.Result r = new CliDriver(factory).run(args.split(" "));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).as(r.toString()).startsWith("error: ").contains("--help");
        assertThat(r.err().lines().findFirst().orElse("")).hasSizeGreaterThan("error: ".length() + 5);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnreachableFirestoreExitsOneAndNamesTheHost() {
        CliDriver.Result r = new CliDriver(factory).env("FIRESTORE_EMULATOR_HOST", "127.0.0.1:1")
                .run("heartbeat", "--processor", "nba-phase2-raw-processors", "--status", "running");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("127.0.0.1:1", "FIRESTORE_EMULATOR_HOST", "fix:");
    }

    @Test
    void aMissingEmulatorSaysHowToInstallIt() {
        CliDriver.Result r = new CliDriver(factory).env("PROPS_OPS_FIRESTORE_EMULATOR_JAR", "/nonexistent/emulator.jar")
                .run("heartbeat", "--emulator", "--processor", "p", "--status", "running");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("Firestore emulator is not installed", "/nonexistent/emulator.jar",
                "gcloud components install cloud-firestore-emulator", "google-cloud-cli-firestore-emulator");
    }

    @Test
    void anInvalidProcessorNameIsAUsageErrorNamingTheRuleBeforeAnyConnection() {
        // the emulator host is unreachable: had the command connected, it would have exited 1
        CliDriver.Result r = new CliDriver(factory).env("FIRESTORE_EMULATOR_HOST", "127.0.0.1:1")
                .run("heartbeat", "--processor", "nba/phase3", "--status", "running");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("'nba/phase3'", "contains '/'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "heartbeat", "heartbeat-cleanup", "heartbeat-monitor" })
    void anInvalidCollectionNameIsAUsageErrorBeforeAnyConnection(String job) {
        String[] args = job.equals("heartbeat")
                ? new String[] { job, "--processor", "p", "--status", "running", "--collection", "ops/heartbeats" }
                : new String[] { job, "--collection", "ops/heartbeats" };
        // the emulator host is unreachable: had the job connected, it would have exited 1
        CliDriver.Result r = new CliDriver(factory).env("FIRESTORE_EMULATOR_HOST", "127.0.0.1:1").run(args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("'ops/heartbeats' cannot be a collection name", "contains '/'");
    }

    @Test
    void anInvalidProjectIdIsAUsageError() {
        CliDriver.Result r = new CliDriver(factory).env("FIRESTORE_EMULATOR_HOST", "127.0.0.1:1")
                .run("heartbeat", "--processor", "p", "--status", "running", "--project", "My Project");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("'My Project' is not a valid Google Cloud project id");
    }

    @Test
    void onCloudRunErrorsAreJsonLinesWithASeverity() throws Exception {
        CliDriver.Result r = new CliDriver(factory).env("CLOUD_RUN_JOB", "heartbeat-monitor")
                .env("FIRESTORE_EMULATOR_HOST", "127.0.0.1:1")
                .run("heartbeat", "--processor", "p", "--status", "running");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        String[] lines = r.err().strip().split("\n");
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode entry = Json.mapper().readTree(line);
            assertThat(entry.path("severity").asText()).isIn("INFO", "WARNING", "ERROR");
            assertThat(entry.path("message").asText()).isNotBlank();
        }
        JsonNode last = Json.mapper().readTree(lines[lines.length - 1]);
        assertThat(last.path("severity").asText()).isEqualTo("ERROR");
        assertThat(last.path("message").asText()).contains("127.0.0.1:1");
        assertThat(last.path("fix").asText()).isNotBlank();
    }

    @Test
    void onCloudRunTheJsonReportIsOneLineSoCloudLoggingKeepsItAsOneEntry() throws Exception {
        String inventory = java.nio.file.Path.of("src/test/resources/staging/nba_raw-tables.json").toAbsolutePath().toString();
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-28T12:00:00Z"), java.time.ZoneOffset.UTC);
        CliDriver.Result local = new CliDriver(factory).clock(clock)
                .run("staging-prune", "--sport", "nba", "--inventory", inventory, "--output", "json");
        CliDriver.Result cloudRun = new CliDriver(factory).clock(clock).env("CLOUD_RUN_JOB", "props-ops-nba-staging-prune")
                .run("staging-prune", "--sport", "nba", "--inventory", inventory, "--output", "json");
        assertThat(local.exitCode()).as(local.toString()).isZero();
        assertThat(cloudRun.exitCode()).as(cloudRun.toString()).isZero();
        assertThat(local.out().strip().lines().count()).isGreaterThan(1);
        assertThat(cloudRun.out().strip().lines().count()).isEqualTo(1);
        assertThat(Json.mapper().readTree(cloudRun.out())).isEqualTo(Json.mapper().readTree(local.out()));
    }
}
