package dev.propsops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.testing.CliDriver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * infra-audit --from-export on realistic gcloud/bq exports (src/test/resources/audit/export): every check
 * from its own file, no credentials, no network; missing and malformed files skip only their checks.
 */
@QuarkusTest
class InfraAuditExportTest {
    static final Path EXPORT = Path.of("src/test/resources/audit/export");
    static final Instant NOW = Instant.parse("2026-12-01T13:00:00Z");
    static final long TIB = 1L << 40;
    static final long GIB = 1L << 30;

    @Inject
    CommandLine.IFactory factory;

    @TempDir
    Path tmp;

    CliDriver cli() {
        // no credentials anywhere: an export needs none
        return new CliDriver(factory).clock(Clock.fixed(NOW, ZoneOffset.UTC)).env("GOOGLE_APPLICATION_CREDENTIALS",
                tmp.resolve("no-such-key.json").toString()).env("CLOUDSDK_CONFIG", tmp.resolve("gcloud").toString());
    }

    static JsonNode json(CliDriver.Result r) {
        try {
            return Json.mapper().readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r, e);
        }
    }

    static List<JsonNode> findings(JsonNode doc, String check) {
        List<JsonNode> out = new ArrayList<>();
        doc.path("findings").forEach(f -> {
            if (f.path("check").asText().equals(check)) {
                out.add(f);
            }
        });
        return out;
    }

    static JsonNode check(JsonNode doc, String id) {
        for (JsonNode c : doc.path("checks")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + doc);
    }

    @Test
    void everyCheckRunsFromItsOwnFileAndRatesLikeTheHandoff() {
        CliDriver.Result r = cli().run("infra-audit", "--from-export", EXPORT.toString(), "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode doc = json(r);
        assertThat(doc.path("project").asText()).isEqualTo("nba-props-platform");
        assertThat(doc.path("project_number").asText()).isEqualTo("123456789012");
        assertThat(doc.path("worst").asText()).isEqualTo("critical");
        assertThat(check(doc, "heartbeats").path("status").asText()).isEqualTo("skipped");
        for (String id : List.of("bigquery-cost", "datasets", "staging", "cloud-run-services", "cloud-run-jobs", "storage", "budget")) {
            assertThat(check(doc, id).path("status").asText()).as(id + " in " + r).isIn("ok", "partial");
        }

        // cost: the recurring query is one shape; the cache hit and the script's parent row are not counted
        List<JsonNode> cost = findings(doc, "bigquery-cost");
        JsonNode total = cost.stream().filter(f -> f.path("resource").asText().equals("project")).findFirst().orElseThrow();
        assertThat(total.path("facts").path("bytes_billed").asLong()).isEqualTo(10 * TIB + TIB / 4 + TIB / 2 + 10 * 1024 * 1024 + GIB);
        assertThat(total.path("facts").path("runs").asLong()).isEqualTo(9);
        assertThat(total.path("facts").path("shapes").asLong()).isEqualTo(5);
        JsonNode top = cost.stream().filter(f -> f.path("resource").asText().equals("query shape #1")).findFirst().orElseThrow();
        assertThat(top.path("rating").asText()).isEqualTo("high");
        assertThat(top.path("facts").path("runs").asLong()).isEqualTo(5);
        assertThat(top.path("facts").path("bytes_billed").asLong()).isEqualTo(10 * TIB);
        assertThat(top.path("facts").path("usd").asDouble()).isEqualTo(62.5);
        assertThat(top.path("facts").path("usd_per_month").asDouble()).isEqualTo(267.86);
        assertThat(top.path("facts").path("shape").asText()).isEqualTo("SELECT player_lookup, features FROM "
                + "`nba-props-platform.nba_predictions.ml_feature_store_v2` WHERE game_date = ? AND ARRAY_LENGTH(features) >= ?");
        assertThat(top.path("facts").path("user_count").asLong()).isEqualTo(2);
        assertThat(cost).noneMatch(f -> f.path("facts").path("shape").asText().startsWith("DECLARE"));

        // datasets: only old_experiments is neither read nor changed in 90 days (another project's dataset of that name does not count)
        assertThat(findings(doc, "datasets")).singleElement().satisfies(f -> {
            assertThat(f.path("rating").asText()).isEqualTo("low");
            assertThat(f.path("facts").path("dataset").asText()).isEqualTo("old_experiments");
            assertThat(f.path("facts").path("size_bytes").asLong()).isEqualTo(350 * GIB);
        });

        // staging: the planner's candidates per sport
        assertThat(findings(doc, "staging")).extracting(f -> f.path("facts").path("sport").asText() + "=" + f.path("facts").path("tables").asInt())
                .containsExactly("nba=3", "mlb=1");
        assertThat(findings(doc, "staging").get(0).path("facts").path("size_bytes").asLong()).isEqualTo(509 * GIB + 1024 * 1024);

        // Cloud Run services: a failed rollout behind a traffic split, and a service nothing ready serves
        assertThat(findings(doc, "cloud-run-services")).extracting(f -> f.path("rating").asText() + " " + f.path("resource").asText())
                .containsExactly("critical mlb-prediction-worker", "medium nba-phase3-analytics-processors", "info revisions");
        assertThat(findings(doc, "cloud-run-services").get(1).path("facts").path("traffic").asText())
                .isEqualTo("nba-phase3-analytics-processors-00166-9pr 80%, nba-phase3-analytics-processors-00165-abc 20%");

        // Cloud Run jobs: the failed execution with its log filter; a missed schedule from schedulers.json
        List<JsonNode> jobs = findings(doc, "cloud-run-jobs");
        assertThat(jobs).extracting(f -> f.path("rating").asText() + " " + f.path("resource").asText())
                .containsExactly("high props-ops-nba-drift-check", "medium mlb-schedule-validator");
        assertThat(jobs.get(0).path("next_step").asText()).contains("gcloud logging read",
                "labels.\"run.googleapis.com/execution_name\"=\"props-ops-nba-drift-check-abc12\"");
        assertThat(jobs.get(1).path("facts").path("interval_seconds").asLong()).isEqualTo(86_400);

        // storage: no lifecycle and no autoclass, with the size summed over storage classes
        assertThat(findings(doc, "storage")).extracting(f -> f.path("resource").asText() + "=" + f.path("facts").path("size_bytes").asText())
                .containsExactly("nba-props-platform-scraped-data=1200000000000", "nba-props-platform_cloudbuild=null");
        JsonNode rule = readTree(findings(doc, "storage").get(0).path("facts").path("suggested_lifecycle").asText());
        assertThat(rule.path("rule").path(0).path("action").path("storageClass").asText()).isEqualTo("COLDLINE");
        assertThat(rule.path("rule").path(0).path("condition").path("age").asInt()).isEqualTo(365);

        // budget: the one naming the project by number covers it, but alerts only at 90% and 100%
        assertThat(findings(doc, "budget")).singleElement().satisfies(f -> {
            assertThat(f.path("title").asText()).contains("alerts at 80% or below");
            assertThat(f.path("evidence").toString()).contains("nba-props monthly (500 USD): alerts at 90%, 100%");
            assertThat(f.path("next_step").asText()).contains("9ab3-props", "--billing-account=01A2B3-C4D5E6-F7G8H9");
        });
        assertThat(doc.path("summary").path("critical").asInt()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception", "credentials");
    }

    static JsonNode readTree(String s) {
        try {
            return Json.mapper().readTree(s);
        } catch (IOException e) {
            throw new AssertionError(s, e);
        }
    }

    @Test
    void theTextReportOpensWithTheSeverityTableAndTheMarkdownOneIsReadyToPaste() {
        CliDriver.Result text = cli().run("infra-audit", "--from-export", EXPORT.toString(), "--fail-on", "never");
        assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("SEVERITY   COUNT  ISSUES", "CRITICAL       1  mlb-prediction-worker: no ready revision serves traffic",
                "skipped  heartbeats", "next: gcloud storage buckets update gs://nba-props-platform-scraped-data --lifecycle-file=lifecycle.json");
        assertThat(text.out().indexOf("CRITICAL  [")).isLessThan(text.out().indexOf("HIGH      ["));

        CliDriver.Result md = cli().run("infra-audit", "--from-export", EXPORT.toString(), "--output", "markdown", "--fail-on", "never");
        assertThat(md.out()).contains("| Severity | Count | Issues |", "| **HIGH** | 2 |", "#### CRITICAL: mlb-prediction-worker",
                "```bash", "| `heartbeats` | skipped |");
    }

    @Test
    void aMissingFileSkipsOnlyItsChecksWithTheCommandThatMakesIt() throws IOException {
        Files.copy(EXPORT.resolve("services.json"), tmp.resolve("services.json"));
        CliDriver.Result r = cli().run("infra-audit", "--from-export", tmp.toString(), "--output", "json", "--project", "nba-props-platform");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode doc = json(r);
        assertThat(check(doc, "cloud-run-services").path("status").asText()).isEqualTo("ok");
        assertThat(check(doc, "bigquery-cost").path("reason").asText()).isEqualTo("no jobs.json in " + tmp);
        assertThat(check(doc, "bigquery-cost").path("fix").asText()).contains("bq --quiet --project_id=nba-props-platform",
                "INFORMATION_SCHEMA.JOBS_BY_PROJECT", "> " + tmp + "/jobs.json");
        assertThat(check(doc, "budget").path("fix").asText()).contains("gcloud billing budgets list");
        assertThat(check(doc, "storage").path("status").asText()).isEqualTo("skipped");
    }

    @Test
    void anEmptyExportRunsNoCheckAndFails() {
        CliDriver.Result r = cli().run("infra-audit", "--from-export", tmp.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).contains("no check could run: nothing was audited");
        assertThat(r.err()).contains("error: infra-audit: no check could run (9 skipped", "fix: ");
    }

    @Test
    void malformedFilesSkipTheirChecksWithTheFileAndLine() throws IOException {
        copyExport();
        Files.writeString(tmp.resolve("jobs.json"), "[\n {\"creation_time\": \"2026-11-30 10:00:00 UTC\", \"job_type\": \"QUERY\"},\n"
                + " {\"creation_time\": \"yesterday\", \"job_type\": \"QUERY\"}\n]\n");
        Files.writeString(tmp.resolve("buckets.json"), "[{\"name\": \"b\", \"lifecycle\": {\"rule\": {\"action\": 1}}}]");
        Files.writeString(tmp.resolve("budgets.json"), "[{\"name\": \"billingAccounts/A/budgets/b\", \"thresholdRules\": "
                + "[{\"thresholdPercent\": \"eighty\"}]}]");
        Files.writeString(tmp.resolve("executions.json"), "[{\"metadata\": {\"name\": \"x\"}, \"status\": {}");
        Files.writeString(tmp.resolve("tables/nba_raw.json"), "Waiting on bqjob_r1 ... (0s) Current status: DONE\n[]");
        CliDriver.Result r = cli().run("infra-audit", "--from-export", tmp.toString(), "--output", "json", "--fail-on", "never");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        JsonNode doc = json(r);
        assertThat(check(doc, "bigquery-cost").path("reason").asText()).isEqualTo(tmp.resolve("jobs.json") + ":3: creation_time = "
                + "\"yesterday\" is not a timestamp");
        assertThat(check(doc, "bigquery-cost").path("fix").asText()).startsWith("write it again: bq --quiet --project_id=nba-props-platform");
        assertThat(check(doc, "datasets").path("status").asText()).isEqualTo("skipped");
        assertThat(check(doc, "storage").path("reason").asText()).contains("buckets.json:1", "lifecycle.rule of b is not a list");
        assertThat(check(doc, "budget").path("reason").asText()).contains("budgets.json:1", "thresholdPercent \"eighty\" is not a number");
        assertThat(check(doc, "cloud-run-jobs").path("reason").asText()).contains("executions.json:1", "not valid JSON");
        JsonNode staging = check(doc, "staging");
        assertThat(staging.path("status").asText()).isEqualTo("partial");
        assertThat(staging.path("problems").toString()).contains("dataset nba_raw", "not JSON");
        assertThat(check(doc, "cloud-run-services").path("status").asText()).isEqualTo("ok");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aBudgetNamingTheProjectByNumberWithAnEightyPercentRuleCoversIt() throws IOException {
        copyExport();
        Files.writeString(tmp.resolve("budgets.json"), "[{\"name\": \"billingAccounts/01A2B3-C4D5E6-F7G8H9/budgets/b1\", "
                + "\"displayName\": \"props\", \"budgetFilter\": {\"projects\": [\"projects/123456789012\"]}, "
                + "\"amount\": {\"specifiedAmount\": {\"currencyCode\": \"USD\", \"units\": \"500\"}}, "
                + "\"thresholdRules\": [{\"thresholdPercent\": 0.5}, {\"thresholdPercent\": 0.8}]}]");
        JsonNode doc = json(cli().run("infra-audit", "--from-export", tmp.toString(), "--checks", "budget", "--output", "json"));
        assertThat(findings(doc, "budget")).isEmpty();
        assertThat(check(doc, "budget").path("notes").toString()).contains("covered by props");

        // without project.json the number is unknown: the budget does not match by id, and the finding says why
        Files.delete(tmp.resolve("project.json"));
        Files.delete(tmp.resolve("buckets.json"));
        JsonNode without = json(cli().run("infra-audit", "--from-export", tmp.toString(), "--checks", "budget", "--output", "json",
                "--project", "nba-props-platform"));
        assertThat(findings(without, "budget")).singleElement().satisfies(f -> {
            assertThat(f.path("title").asText()).isEqualTo("no budget covers project nba-props-platform");
            assertThat(f.path("evidence").toString()).contains("pass --project-number");
        });
        JsonNode withNumber = json(cli().run("infra-audit", "--from-export", tmp.toString(), "--checks", "budget", "--output", "json",
                "--project", "nba-props-platform", "--project-number", "123456789012"));
        assertThat(findings(withNumber, "budget")).isEmpty();
    }

    @Test
    void logTriagesTopFindingsFromTheExportsLogsRatedAsLogTriageRatesThem() throws IOException {
        copyExport();
        dev.propsops.logs.LogFixtures f = new dev.propsops.logs.LogFixtures();
        Instant start = NOW.minus(java.time.Duration.ofDays(7));
        for (int i = 0; i < 143; i++) {
            f.text(start.plusSeconds(3_600L + i * 4_000L), "prediction-worker", "prediction-worker-00043-new", "i-" + (i % 4), "ERROR", "Error: ");
        }
        for (int i = 0; i < 37; i++) {
            f.text(start.plusSeconds(1_800L + i * 15_000L), "prediction-worker", "prediction-worker-00043-new", "i-" + (i % 4), "ERROR",
                    dev.propsops.logs.LogFixtures.HANDOFF_403);
        }
        // before the window: not triaged
        f.text(start.minusSeconds(60), "prediction-worker", "prediction-worker-00041-old", "i-0", "ERROR", "Error: ");
        f.writeArray(tmp.resolve("logs.json"), true);
        CliDriver.Result r = cli().run("infra-audit", "--from-export", tmp.toString(), "--checks", "logs", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        List<JsonNode> logs = findings(json(r), "logs");
        assertThat(logs).extracting(x -> x.path("rating").asText() + " " + x.path("facts").path("count").asLong())
                .containsExactly("high 143", "medium 37");
        assertThat(logs.get(1).path("next_step").asText()).contains("roles/monitoring.metricWriter",
                "prediction-worker@nba-props-platform.iam.gserviceaccount.com");

        Files.delete(tmp.resolve("logs.json"));
        JsonNode none = json(cli().run("infra-audit", "--from-export", tmp.toString(), "--checks", "logs,storage", "--output", "json"));
        assertThat(check(none, "logs").path("reason").asText()).isEqualTo("no logs.json in " + tmp);
        assertThat(check(none, "logs").path("fix").asText()).contains("gcloud logging read", "--format=json > " + tmp + "/logs.json");
    }

    @Test
    void wrongFlagsAreUsageErrors() {
        assertThat(cli().run("infra-audit", "--checks", "bigquery-cost,bogus", "--from-export", EXPORT.toString()))
                .satisfies(r -> {
                    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(r.err()).contains("unknown check(s) in --checks: bogus", "choose from: bigquery-cost, datasets");
                });
        assertThat(cli().run("infra-audit", "--since", "200d", "--from-export", EXPORT.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli().run("infra-audit", "--output", "xml").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli().run("infra-audit", "--fail-on", "sometimes").exitCode()).isEqualTo(ExitCode.USAGE);
        CliDriver.Result missing = cli().run("infra-audit", "--from-export", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("is not a directory", "--print-export-commands");
        assertThat(cli().run("infra-audit", "--from-export", EXPORT.toString(), "--project-number", "nba").exitCode())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void printExportCommandsNeedsNothingAndNamesEveryFile() {
        CliDriver.Result r = cli().run("infra-audit", "--print-export-commands", "--project", "nba-props-platform", "--from-export", "exp");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("gcloud projects describe nba-props-platform --format=json > exp/project.json",
                "`region-us-west2`.INFORMATION_SCHEMA.JOBS_BY_PROJECT WHERE creation_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 90 DAY)",
                "> exp/jobs.json", "gcloud run services list --project nba-props-platform --region us-west2 --format=json > exp/services.json",
                "gcloud run jobs executions list", "gcloud storage buckets list --project nba-props-platform --raw --format=json > exp/buckets.json",
                "gcloud billing budgets list --billing-account=$(gcloud billing projects describe nba-props-platform",
                "\"SELECT * FROM \\`nba-props-platform.$ds.__TABLES__\\`\" > exp/tables/$ds.json", "exp/schedulers.json");
        assertThat(r.err()).isEmpty();
    }

    private void copyExport() throws IOException {
        try (Stream<Path> files = Files.walk(EXPORT)) {
            for (Path p : files.toList()) {
                Path to = tmp.resolve(EXPORT.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }
}
