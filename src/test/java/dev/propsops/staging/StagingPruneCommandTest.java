package dev.propsops.staging;

import static dev.propsops.staging.bigquery.TablesApiStub.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.staging.bigquery.TablesApiStub;
import dev.propsops.testing.BigQueryStub;
import dev.propsops.testing.CliDriver;
import dev.propsops.testing.PlatformSchemas;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * staging-prune end to end, in-process, with props-ops' real BigQuery client against WireMock: which
 * requests each action sends, what the report says, and the exit codes.
 */
@QuarkusTest
@QuarkusTestResource(value = StagingBigQueryResource.class, restrictToAnnotatedClass = true)
class StagingPruneCommandTest {
    static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    static final long GIB = 1L << 30;
    static final long DEC_2024 = Instant.parse("2024-12-02T00:00:00Z").toEpochMilli();
    static final long JAN_2025 = Instant.parse("2025-01-15T00:00:00Z").toEpochMilli();
    static final long JUN_2025 = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();
    static final long OCT_2025 = Instant.parse("2025-10-01T00:00:00Z").toEpochMilli();
    static final long JAN_30_2026 = Instant.parse("2026-01-30T00:00:00Z").toEpochMilli();
    static final long CREATED = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    @Inject
    CommandLine.IFactory factory;

    @TempDir
    Path dir;

    BigQueryStub stub;
    TablesApiStub api;
    Path manifest;

    @BeforeEach
    void reset() {
        stub = StagingBigQueryResource.stub;
        stub.server().resetAll();
        api = new TablesApiStub(stub);
        manifest = dir.resolve("restore.jsonl");
        StagingBigQueryResource.WITNESS.watch(manifest);
    }

    /** nba_raw: two stale staging tables, a recent one, a kept one, a view and a production table; nba_analytics: one more. */
    private void platform() {
        api.dataset("nba_raw", List.of(
                row("gold_players", 1, CREATED, JAN_30_2026, 5_120, 2 * GIB),
                row("injuries_old", 1, CREATED, JUN_2025, 10, GIB),
                row("odds_api_temp_test", 1, CREATED, DEC_2024, 48_210, 9 * GIB),
                row("odds_history_old", 2, CREATED, DEC_2024, 0, 0),
                row("player_game_summary_staging_v2", 1, CREATED, JAN_30_2026, 1_204, GIB / 1024),
                row("team_defense_backup_20250115", 1, CREATED, JAN_2025, 900, 500 * GIB)));
        api.dataset("nba_analytics", List.of(
                row("player_props_tmp", 1, CREATED, OCT_2025, 77, 20 * GIB),
                row("team_stats", 1, CREATED, DEC_2024, 30, GIB)));
        api.dataset("nba_precompute", List.of());
        api.dataset("nba_predictions", List.of());
        api.table("nba_raw", "injuries_old", Map.of("props-ops-keep", "true"), null, JUN_2025);
        api.table("nba_raw", "odds_api_temp_test", Map.of(), null, DEC_2024);
        api.table("nba_raw", "team_defense_backup_20250115", Map.of("owner", "data-eng"), null, JAN_2025);
        api.table("nba_raw", "player_game_summary_staging_v2", Map.of(), null, JAN_30_2026);
        api.table("nba_analytics", "player_props_tmp", Map.of(), null, OCT_2025);
        api.acceptChanges();
    }

    private CliDriver cli() {
        return new CliDriver(factory).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private CliDriver.Result run(String... args) {
        return run(cli(), args);
    }

    private CliDriver.Result run(CliDriver driver, String... args) {
        List<String> all = new ArrayList<>(List.of("staging-prune", "--sport", "nba", "--project", BigQueryStub.PROJECT));
        all.addAll(List.of(args));
        return driver.run(all.toArray(String[]::new));
    }

    private long tableGets() {
        return stub.allRequests().stream().filter(r -> r.getMethod().getName().equals("GET") && r.getUrl().contains("/tables/")).count();
    }

    @Test
    void reportReadsEachDatasetWithOneValidatedQueryAndListsEveryTableInJson() throws Exception {
        platform();

        CliDriver.Result r = run("--output", "json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        List<JsonNode> queries = stub.queryRequests();
        assertThat(queries).hasSize(4);
        assertThat(queries).extracting(q -> q.path("query").asText()).anySatisfy(q -> assertThat(q).contains("nba_raw"))
                .anySatisfy(q -> assertThat(q).contains("nba_predictions"));
        for (JsonNode q : queries) {
            PlatformSchemas.validator().validate(q.path("query").asText(), Map.of());
        }
        // labels are read for the candidates by name and age only: injuries_old, odds_api_temp_test, the backup, player_props_tmp
        assertThat(tableGets()).isEqualTo(4);
        assertThat(api.mutations()).isEmpty();

        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.path("action").asText()).isEqualTo("report");
        assertThat(doc.path("executed").asBoolean()).isFalse();
        assertThat(doc.path("tables")).hasSize(8);
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        doc.path("tables").forEach(t -> byName.put(t.path("table").asText(), t));
        JsonNode odds = byName.get("odds_api_temp_test");
        assertThat(odds.path("dataset").asText()).isEqualTo("nba_raw");
        assertThat(odds.path("type").asText()).isEqualTo("table");
        assertThat(odds.path("last_modified").asText()).isEqualTo("2024-12-02T00:00:00Z");
        assertThat(odds.path("size_bytes").asLong()).isEqualTo(9 * GIB);
        assertThat(odds.path("rows").asLong()).isEqualTo(48_210);
        assertThat(odds.path("candidate").asBoolean()).isTrue();
        assertThat(odds.path("reason").asText()).contains("unmodified for 426d");
        assertThat(odds.path("action").asText()).isEqualTo("report");
        assertThat(odds.path("monthly_cost_usd").asDouble()).isEqualTo(0.09); // long-term: 9 GiB x $0.01
        assertThat(byName.get("odds_history_old").path("type").asText()).isEqualTo("view");
        assertThat(byName.get("odds_history_old").path("candidate").asBoolean()).isFalse();
        assertThat(byName.get("injuries_old").path("reason").asText()).contains("props-ops-keep");
        assertThat(byName.get("player_game_summary_staging_v2").path("candidate").asBoolean()).isFalse();
        assertThat(byName.get("gold_players").path("reason").asText()).isEqualTo("not a staging name");
        JsonNode totals = doc.path("totals");
        assertThat(totals.path("tables").asLong()).isEqualTo(8);
        assertThat(totals.path("candidates").asLong()).isEqualTo(3);
        assertThat(totals.path("changes").asLong()).isZero();
        // all three unmodified for 90+ days, so long-term: (9 + 500 + 20) GiB x $0.01
        assertThat(totals.path("saving_usd_per_month").asDouble()).isEqualTo(5.29);
        assertThat(doc.path("datasets")).hasSize(4).allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("ok"));
    }

    @Test
    void theTextReportShowsStagingTablesWithAgeSizeRowsActionAndCost() {
        platform();

        CliDriver.Result r = run();

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("action report, read-only")
                .containsPattern("nba_raw\\.team_defense_backup_20250115\\s+382d\\s+500\\.0 GiB\\s+900\\s+5\\.00\\s+report")
                .containsPattern("nba_raw\\.odds_api_temp_test\\s+426d\\s+9\\.0 GiB\\s+48,210\\s+0\\.09\\s+report")
                .contains("nba_raw.injuries_old", "labelled props-ops-keep: true")
                .contains("2 other table(s) do not have a staging name")
                .contains("estimated saving: $5.29/month if the candidates were pruned")
                .doesNotContain("nba_raw.gold_players");
    }

    @Test
    void aDryRunOfDeleteSendsNoMutatingRequestAndWritesNoManifest() {
        platform();

        CliDriver.Result r = run("--action", "delete", "--manifest", manifest.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(api.mutations()).isEmpty();
        assertThat(manifest).doesNotExist();
        assertThat(r.out()).contains("DRY RUN (nothing was changed)", "delete (planned)", "add --execute");
    }

    @Test
    void expirePatchesAnAbsoluteTimeGraceFromNowOnTheCandidatesOnly() {
        platform();

        CliDriver.Result r = run("--action", "expire", "--grace", "3d", "--execute", "--yes", "--output", "json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(api.patches()).extracting(p -> p.getUrl().replaceAll("\\?.*", "").replaceAll(".*/tables/", ""))
                .containsExactlyInAnyOrder("odds_api_temp_test", "team_defense_backup_20250115", "player_props_tmp");
        long expected = NOW.plus(Duration.ofDays(3)).toEpochMilli();
        for (JsonNode body : api.patchBodies()) {
            // absolute epoch milliseconds three days ahead; a duration here (259,200,000) would delete at once
            assertThat(body.path("expirationTime").asLong()).isEqualTo(expected).isGreaterThan(NOW.toEpochMilli());
            assertThat(body.has("labels")).isFalse();
        }
        assertThat(api.patches()).allSatisfy(p -> assertThat(p.getHeader("X-HTTP-Method-Override")).isEqualTo("PATCH"));
        assertThat(api.deletes()).isEmpty();
    }

    @Test
    void deleteWritesTheManifestLineToDiskBeforeEachDelete() throws Exception {
        platform();

        CliDriver.Result r = run("--action", "delete", "--execute", "--yes", "--manifest", manifest.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        List<String[]> seen = StagingBigQueryResource.WITNESS.seen();
        assertThat(seen).extracting(s -> s[0]).containsExactly("odds_api_temp_test", "team_defense_backup_20250115", "player_props_tmp");
        for (String[] s : seen) {
            assertThat(s[1]).as("manifest when %s was deleted", s[0]).contains("\"table_id\":\"" + s[0] + "\"");
        }
        // each line was there before its own delete and no earlier than needed: the first delete saw one line
        assertThat(seen.get(0)[1].lines().count()).isEqualTo(1);

        List<String> lines = Files.readAllLines(manifest);
        assertThat(lines).hasSize(3);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        long snapshot = NOW.minus(Duration.ofMinutes(1)).toEpochMilli();
        assertThat(first.path("table").asText()).isEqualTo("test-project:nba_raw.odds_api_temp_test");
        assertThat(first.path("last_modified").asText()).isEqualTo("2024-12-02T00:00:00Z");
        assertThat(first.path("size_bytes").asLong()).isEqualTo(9 * GIB);
        assertThat(first.path("rows").asLong()).isEqualTo(48_210);
        assertThat(first.path("deleted_at").asText()).isEqualTo(NOW.toString());
        assertThat(first.path("restore_command").asText()).isEqualTo(
                "bq cp test-project:nba_raw.odds_api_temp_test@" + snapshot + " test-project:nba_raw.odds_api_temp_test");
        assertThat(r.err()).contains("restore: bq cp test-project:nba_raw.odds_api_temp_test@" + snapshot);
        assertThat(r.out()).contains("restore manifest: " + manifest, "3 done");
    }

    @Test
    void aSecondRunAppendsToTheManifestInsteadOfReplacingIt() throws Exception {
        platform();
        Files.writeString(manifest, "{\"event\":\"delete\",\"table\":\"earlier\"}\n");

        assertThat(run("--action", "delete", "--execute", "--yes", "--manifest", manifest.toString()).exitCode()).isZero();

        assertThat(Files.readAllLines(manifest)).hasSize(4).first().asString().contains("earlier");
    }

    @Test
    void anUnwritableManifestStopsTheRunBeforeAnyDelete() throws Exception {
        platform();
        Path blocker = dir.resolve("a-file");
        Files.writeString(blocker, "x");

        CliDriver.Result r = run("--action", "delete", "--execute", "--yes", "--manifest", blocker.resolve("restore.jsonl").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("cannot open the restore manifest", "nothing was deleted", "--manifest");
        assertThat(api.deletes()).isEmpty();
    }

    @Test
    void aPlanAboveTheCapActsOnNothingAndExitsThree() {
        platform();

        CliDriver.Result r = run("--action", "delete", "--max-tables", "2", "--execute", "--yes", "--manifest", manifest.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(api.mutations()).isEmpty();
        assertThat(manifest).doesNotExist();
        assertThat(r.out()).contains("STOPPED: the plan changes 3 tables, more than --max-tables 2", "delete (capped)");
        assertThat(r.err()).contains("more than --max-tables 2");
    }

    @Test
    void aPlanAtTheCapRuns() {
        platform();

        CliDriver.Result r = run("--action", "delete", "--max-tables", "3", "--execute", "--yes", "--manifest", manifest.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(api.deletes()).hasSize(3);
    }

    @Test
    void aReportOfWhichEveryDatasetFailedSaysNothingCouldBeReadNeverThatAllIsClean() throws Exception {
        for (String d : new String[] { "nba_raw", "nba_analytics", "nba_precompute", "nba_predictions" }) {
            api.datasetFails(d, 403, "accessDenied", "Access Denied: Dataset test-project:" + d);
        }
        CliDriver.Result r = run();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).contains("NOTHING COULD BE READ: all 4 dataset(s) failed").doesNotContain("no table has a staging name");
        CliDriver.Result json = run("--output", "json");
        assertThat(Json.mapper().readTree(json.out()).path("datasets_failed").asLong()).isEqualTo(4);
    }

    @Test
    void aForbiddenDatasetIsReportedWithTheRoleWhileTheOthersRunAndTheRunExitsOne() throws Exception {
        platform();
        api.datasetFails("nba_precompute", 403, "accessDenied",
                "Access Denied: Table test-project:nba_precompute.__TABLES__: User does not have permission to query table");
        api.datasetFails("nba_predictions", 404, "notFound", "Not found: Dataset test-project:nba_predictions");

        CliDriver.Result r = run("--output", "json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.path("tables")).hasSize(8);
        Map<String, JsonNode> datasets = new java.util.HashMap<>();
        doc.path("datasets").forEach(d -> datasets.put(d.path("dataset").asText(), d));
        assertThat(datasets.get("nba_raw").path("status").asText()).isEqualTo("ok");
        assertThat(datasets.get("nba_precompute").path("status").asText()).isEqualTo("failed");
        assertThat(datasets.get("nba_precompute").path("error").asText()).contains("PERMISSION_DENIED", "Access Denied");
        assertThat(datasets.get("nba_precompute").path("fix").asText()).contains("roles/bigquery.metadataViewer");
        assertThat(datasets.get("nba_predictions").path("error").asText()).contains("NOT_FOUND");
        assertThat(datasets.get("nba_predictions").path("fix").asText()).contains("roles/bigquery.metadataViewer");
        assertThat(r.err()).contains("dataset nba_precompute", "2 dataset(s) could not be read: nba_precompute, nba_predictions",
                "fix:");
    }

    @Test
    void aForbiddenDatasetDoesNotStopTheOthersFromBeingChanged() {
        platform();
        api.datasetFails("nba_analytics", 403, "accessDenied", "Access Denied: Dataset test-project:nba_analytics");

        CliDriver.Result r = run("--action", "expire", "--execute", "--yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(api.patches()).hasSize(2);
        assertThat(r.out()).contains("dataset nba_analytics: FAILED", "2 done");
    }

    @Test
    void aTableWhoseLabelsCannotBeReadIsLeftAloneAndTheRunExitsOne() {
        platform();
        stub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(TablesApiStub.path("nba_raw", "odds_api_temp_test")))
                .atPriority(1).willReturn(TablesApiStub.error(403, "accessDenied", "Access Denied: Table test-project:nba_raw.odds_api_temp_test")));

        CliDriver.Result r = run("--action", "delete", "--execute", "--yes", "--manifest", manifest.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(api.deletes()).containsExactly("team_defense_backup_20250115", "player_props_tmp");
        assertThat(r.out()).contains("its labels could not be read, so it is left alone", "dataset nba_raw: FAILED");
    }

    @Test
    void a5xxOnTheMetadataQueryIsRetried() {
        platform();
        stub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/bigquery/v2/projects/test-project/queries"))
                .atPriority(1).inScenario("flaky").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(TablesApiStub.error(502, "backendError", "Bad Gateway")).willSetStateTo("ok"));

        CliDriver.Result r = run();

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(stub.queryRequests()).hasSize(5);
    }

    @Test
    void lifecycleGivesEveryStagingTableWithoutExpirationOneClampedToTheGraceAndLabelsIt() {
        platform();

        CliDriver.Result r = run("--action", "lifecycle", "--execute", "--yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        Map<String, JsonNode> bodies = new java.util.HashMap<>();
        for (JsonNode b : api.patchBodies()) {
            bodies.put(b.path("tableReference").path("tableId").asText(), b);
        }
        assertThat(bodies).containsOnlyKeys("odds_api_temp_test", "team_defense_backup_20250115", "player_props_tmp",
                "player_game_summary_staging_v2");
        long grace = NOW.plus(Duration.ofDays(7)).toEpochMilli();
        // last modified long ago: +90d is past, so never earlier than the grace
        assertThat(bodies.get("odds_api_temp_test").path("expirationTime").asLong()).isEqualTo(grace);
        assertThat(bodies.get("player_props_tmp").path("expirationTime").asLong()).isEqualTo(grace);
        // recent: last modification + 90 days
        assertThat(bodies.get("player_game_summary_staging_v2").path("expirationTime").asLong())
                .isEqualTo(Instant.ofEpochMilli(JAN_30_2026).plus(Duration.ofDays(90)).toEpochMilli());
        assertThat(bodies.get("team_defense_backup_20250115").path("labels").path("props-ops-lifecycle").asText()).isEqualTo("true");
        assertThat(bodies.get("team_defense_backup_20250115").path("labels").path("owner").asText()).isEqualTo("data-eng");
        assertThat(api.deletes()).isEmpty();
    }

    @Test
    void aTableModifiedOrLabelledSinceThePlanIsNotDeleted() {
        platform();
        // tables.get now says odds_api_temp_test was written after __TABLES__ was read
        api.table("nba_raw", "odds_api_temp_test", Map.of(), null, NOW.minus(Duration.ofMinutes(2)).toEpochMilli());

        CliDriver.Result r = run("--action", "delete", "--execute", "--yes", "--manifest", manifest.toString(), "--output", "json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(api.deletes()).containsExactly("team_defense_backup_20250115", "player_props_tmp");
        assertThat(r.out()).contains("modified since the plan");
    }

    @Test
    void aFailedDeleteIsReportedTheOthersGoOnAndTheManifestSaysSo() throws Exception {
        platform();
        stub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(TablesApiStub.path("nba_raw", "odds_api_temp_test")))
                .atPriority(1).willReturn(TablesApiStub.error(403, "accessDenied", "Access Denied: Table test-project:nba_raw.odds_api_temp_test")));

        CliDriver.Result r = run("--action", "delete", "--execute", "--yes", "--manifest", manifest.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(api.deletes()).hasSize(3);
        assertThat(r.err()).contains("roles/bigquery.dataEditor", "1 table change(s) failed");
        assertThat(Files.readAllLines(manifest)).hasSize(4).anySatisfy(l -> assertThat(l).contains("\"event\":\"delete_failed\"",
                "nba_raw.odds_api_temp_test"));
    }

    @Test
    void onATerminalItAsksAndANoChangesNothing() {
        platform();

        CliDriver.Result r = run(cli().interactive(true).stdin("n\n"), "--action", "delete", "--execute", "--manifest", manifest.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("about to delete 3 table(s)", "delete nba_raw.odds_api_temp_test", "[y/N]", "nothing was changed");
        assertThat(api.mutations()).isEmpty();
    }

    @Test
    void onCloudRunEachDeletionIsAlsoAStructuredLogLine() throws Exception {
        platform();

        CliDriver.Result r = run(cli().env("CLOUD_RUN_JOB", "staging-prune-nba"), "--action", "delete", "--execute", "--yes",
                "--manifest", manifest.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        List<JsonNode> records = new ArrayList<>();
        for (String line : r.err().strip().split("\n")) {
            JsonNode entry = Json.mapper().readTree(line);
            assertThat(entry.path("severity").asText()).isNotBlank();
            if (entry.has("restore_command")) {
                records.add(entry);
            }
        }
        assertThat(records).hasSize(3);
        assertThat(records.get(0).path("table").asText()).isEqualTo("test-project:nba_raw.odds_api_temp_test");
        assertThat(records.get(0).path("severity").asText()).isEqualTo("INFO");
    }

    @Test
    void anInventoryFilePlansOfflineWithoutTouchingBigQuery() throws Exception {
        Path file = Path.of(getClass().getResource("/staging/nba_raw-tables.json").toURI());

        CliDriver.Result r = run("--inventory", file.toString(), "--action", "delete");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(stub.allRequests()).isEmpty();
        assertThat(r.out()).contains("inventory file", "nba_raw.odds_api_temp_test", "nba_raw.team_defense_backup_20250115",
                "delete (planned)", "not checked (inventory file)", "dataset nba_analytics: not in the inventory file",
                "without --inventory");
    }

    @Test
    void anInventoryCannotBeActedOn() throws Exception {
        Path file = Path.of(getClass().getResource("/staging/nba_raw-tables.json").toURI());
        CliDriver.Result r = run("--inventory", file.toString(), "--action", "delete", "--execute", "--yes");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("acting needs BigQuery");
        assertThat(stub.allRequests()).isEmpty();
    }

    @Test
    void anInventoryWithoutTheAskedDatasetIsAUsageError() throws Exception {
        Path file = Path.of(getClass().getResource("/staging/nba_raw-tables.json").toURI());
        CliDriver.Result r = run("--inventory", file.toString(), "--dataset", "nba_analytics");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("has no tables of nba_analytics", "it has: nba_raw");
    }

    @Test
    void helpListsEveryOptionWithoutNeedingTheRequiredOnes() {
        CliDriver.Result r = cli().run("staging-prune", "--help");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("--sport", "--dataset", "--pattern", "--older-than", "--action", "--grace", "--lifecycle-after",
                "--max-tables", "--manifest", "--inventory", "--execute", "--yes", "--output", "--project");
    }

    @Test
    void expirationsAreWholeSecondsEvenWhenTheClockIsNot() {
        platform();
        CliDriver.Result r = run(new CliDriver(factory).clock(Clock.fixed(NOW.plusNanos(123_456_789), ZoneOffset.UTC)),
                "--action", "expire", "--execute", "--yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(api.patchBodies()).allSatisfy(b -> assertThat(b.path("expirationTime").asLong())
                .isEqualTo(NOW.plus(Duration.ofDays(7)).toEpochMilli()));
        assertThat(r.out()).contains("expires 2026-02-08T12:00:00Z");
    }

    @Test
    void datasetOptionLimitsTheScan() {
        platform();
        CliDriver.Result r = run("--dataset", "nba_analytics");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(stub.queryRequests()).hasSize(1);
        assertThat(r.out()).contains("nba_analytics.player_props_tmp").doesNotContain("nba_raw.");
    }

    @Test
    void wrongOptionsAreUsageErrorsBeforeAnyRequest() {
        String[][] cases = {
                { "--dataset", "nba_raw`; DROP TABLE x" },
                { "--dataset", "other-project.nba_raw" },
                { "--pattern", "_(temp" },
                { "--action", "expire", "--grace", "0s" },
                { "--older-than", "10m" },
                { "--older-than", "soon" },
                { "--action", "purge" },
                { "--max-tables", "-1" },
                { "--action", "delete", "--execute" },
        };
        for (String[] args : cases) {
            CliDriver.Result r = run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("error: ");
        }
        assertThat(stub.allRequests()).isEmpty();
    }
}
