package dev.propsops.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.firestore.Firestore;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.gcp.FirestoreEmulator;
import dev.propsops.testing.CliDriver;
import dev.propsops.testing.EmulatorClients;
import dev.propsops.testing.FirestoreEmulatorExtension;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** heartbeat-cleanup through the CLI, on the real emulator. */
@QuarkusTest
@ExtendWith(FirestoreEmulatorExtension.class)
class HeartbeatCleanupCommandTest {
    static final Duration H = Duration.ofHours(1);
    static final Duration D = Duration.ofDays(1);

    @Inject
    CommandLine.IFactory factory;

    /** The runs happen two hours after the seed, so every seeded doc is past --min-age by its update time. */
    final Instant now = Instant.now().plus(Duration.ofHours(2));
    FirestoreEmulator emulator;
    Firestore db;
    HeartbeatDocsFixture docs;

    @BeforeEach
    void connect(FirestoreEmulator emulator) {
        this.emulator = emulator;
        db = EmulatorClients.connect(emulator);
        docs = new HeartbeatDocsFixture(db, "processor_heartbeats");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    CliDriver cli() {
        return cli(emulator.hostPort());
    }

    CliDriver cli(String host) {
        return new CliDriver(factory).env("FIRESTORE_EMULATOR_HOST", host).clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));
    }

    /** Two processors with a canonical doc and 40 old legacy docs between them, and a foreign doc. */
    void seed() {
        for (String p : new String[] { "nba-phase3-analytics-processors", "mlb_phase4_precompute" }) {
            docs.beat(p, p, now.minus(H), "completed");
            for (int i = 0; i < 20; i++) {
                docs.beat(p + "_2026-01-" + (10 + i) + "_run_" + i, p, now.minus(D.multipliedBy(2 + i)), "completed");
            }
        }
        docs.put("dashboard-settings", Map.of("processor_name", "dashboard"));
        docs.flush();
    }

    @Test
    void aDryRunShowsThePlanAndChangesNothing() {
        seed();
        Map<String, Map<String, Object>> before = docs.all();
        CliDriver.Result r = cli().run("heartbeat-cleanup");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("dry run (nothing is changed; add --execute to act)", "nba-phase3-analytics-processors",
                "mlb_phase4_precompute", "delete 20 legacy docs", "scanned 43 docs: 2 canonical, 40 legacy, 1 foreign",
                "to delete 40, to keep 3");
        assertThat(docs.all()).isEqualTo(before);
    }

    @Test
    void executeWithYesCleansAndReportsAsJson() throws Exception {
        seed();
        CliDriver.Result r = cli().run("heartbeat-cleanup", "--execute", "--yes", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.path("mode").asText()).isEqualTo("execute");
        assertThat(json.path("totals").path("scanned").asLong()).isEqualTo(43);
        assertThat(json.path("totals").path("to_delete").asLong()).isEqualTo(40);
        assertThat(json.path("totals").path("foreign").asLong()).isEqualTo(1);
        assertThat(json.path("rules").path("rate_limit").asText()).isEqualTo("unlimited");
        assertThat(json.path("processors")).hasSize(2);
        JsonNode p = json.path("processors").get(0);
        assertThat(p.path("processor").asText()).isEqualTo("mlb_phase4_precompute");
        assertThat(p.path("action").asText()).isEqualTo("delete_legacy");
        assertThat(p.path("legacy_docs").asLong()).isEqualTo(20);
        assertThat(p.path("oldest_legacy_heartbeat").asText()).endsWith("Z");
        assertThat(json.path("deploy_fix_to")).isEmpty();
        assertThat(json.path("stopped_by_max_deletes").asBoolean()).isFalse();
        assertThat(json.path("result").path("deleted").asLong()).isEqualTo(40);
        assertThat(json.path("result").path("streamed").asBoolean()).as("43 docs are within the cap: one pass").isTrue();
        assertThat(json.path("result").path("skipped_changed_since_scan").asLong()).isZero();
        assertThat(docs.all().keySet()).containsExactlyInAnyOrder("nba-phase3-analytics-processors", "mlb_phase4_precompute",
                "dashboard-settings");
    }

    @Test
    void executeWithoutYesAndWithoutATerminalIsRefusedBeforeAnyConnection() {
        // the store is unreachable: a command that connected would exit 1
        CliDriver.Result r = cli("127.0.0.1:1").run("heartbeat-cleanup", "--execute");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--execute without --yes needs a terminal", "add --yes");
    }

    @Test
    void onATerminalItAsksAndOnlyAYesActs() {
        seed();
        CliDriver.Result no = cli().interactive(true).stdin("n\n").run("heartbeat-cleanup", "--execute");
        assertThat(no.exitCode()).as(no.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(no.err()).contains("Delete 40 docs from processor_heartbeats?", "not confirmed");
        assertThat(docs.all()).hasSize(43);

        CliDriver.Result yes = cli().interactive(true).stdin("y\n").run("heartbeat-cleanup", "--execute");
        assertThat(yes.exitCode()).as(yes.toString()).isEqualTo(ExitCode.OK);
        assertThat(yes.out()).contains("deleted 40 docs");
        assertThat(docs.all()).hasSize(3);
    }

    @Test
    void maxDeletesStopsTheRunBeforeAnyDeleteWithExitThree() throws Exception {
        seed();
        CliDriver.Result r = cli().run("heartbeat-cleanup", "--execute", "--yes", "--max-deletes", "39");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("STOPPED: the plan deletes 40 docs, over --max-deletes 39; nothing was deleted");
        assertThat(r.err()).contains("over --max-deletes 39");
        assertThat(docs.all()).hasSize(43);

        CliDriver.Result json = cli().run("heartbeat-cleanup", "--execute", "--yes", "--max-deletes", "39", "--output", "json");
        assertThat(json.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(Json.mapper().readTree(json.out()).path("stopped_by_max_deletes").asBoolean()).isTrue();
        assertThat(Json.mapper().readTree(json.out()).path("result").isNull()).isTrue();
        assertThat(docs.all()).hasSize(43);

        // 43 docs exceed a cap of 40, so the run plans first; the plan's 40 deletes fit
        CliDriver.Result planned = cli().run("heartbeat-cleanup", "--execute", "--yes", "--max-deletes", "40", "--output", "json");
        assertThat(planned.exitCode()).as(planned.toString()).isEqualTo(ExitCode.OK);
        assertThat(Json.mapper().readTree(planned.out()).path("result").path("streamed").asBoolean()).isFalse();
        assertThat(Json.mapper().readTree(planned.out()).path("result").path("deleted").asLong()).isEqualTo(40);
        assertThat(docs.all()).hasSize(3);
    }

    @Test
    void processorsStillWritingLegacyDocsAreNamedAndTheRunExitsThree() throws Exception {
        seed();
        // nba-phase2 still runs the old writer: its newest legacy heartbeat is an hour old, and no canonical doc
        docs.beat("nba-phase2-raw-processors_2026-01-31_a1", "nba-phase2-raw-processors", now.minus(D.multipliedBy(3)), "completed");
        docs.beat("nba-phase2-raw-processors_None_a2", null, now.minus(H), "completed").flush();
        CliDriver.Result json = cli().run("heartbeat-cleanup", "--output", "json");
        assertThat(json.exitCode()).as("a dry run flags them too").isEqualTo(ExitCode.FINDINGS);
        assertThat(Json.mapper().readTree(json.out()).path("deploy_fix_to").get(0).asText()).isEqualTo("nba-phase2-raw-processors");

        CliDriver.Result r = cli().run("heartbeat-cleanup", "--execute", "--yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("!! deploy the heartbeat fix to nba-phase2-raw-processors", "STILL WRITING LEGACY DOCS",
                "canonical docs created from the newest legacy doc: nba-phase2-raw-processors");
        assertThat(r.err()).contains("warning: deploy the heartbeat fix to nba-phase2-raw-processors");
        Map<String, Object> canonical = docs.all().get("nba-phase2-raw-processors");
        assertThat(canonical).containsEntry("processor_name", "nba-phase2-raw-processors");
        assertThat(((com.google.cloud.Timestamp) canonical.get("last_heartbeat")).toDate().toInstant())
                .isCloseTo(now.minus(H), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void aSilentProcessorIsRetired() {
        docs.beat("mlb-phase1-scrapers", "mlb-phase1-scrapers", now.minus(D.multipliedBy(45)), "completed");
        docs.beat("mlb-phase1-scrapers_2025-12-10_r", "mlb-phase1-scrapers", now.minus(D.multipliedBy(52)), "completed");
        docs.beat("nba-phase6-grading", "nba-phase6-grading", now.minus(D.multipliedBy(20)), "completed").flush();
        CliDriver.Result r = cli().run("heartbeat-cleanup", "--execute", "--yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("retire: delete 2 docs");
        assertThat(docs.all()).containsOnlyKeys("nba-phase6-grading");
        // with a shorter --retire-after the 20-day-old one goes too
        assertThat(cli().run("heartbeat-cleanup", "--execute", "--yes", "--retire-after", "14d").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(docs.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "heartbeat-cleanup", "heartbeat-monitor", "heartbeat", "demo" })
    void everyHeartbeatJobHasHelpWithItsRealDefaults(String job) {
        CliDriver.Result r = new CliDriver(factory).run(job, "--help");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("Usage: props-ops " + job).contains("-h, --help").doesNotContain("null", "${");
        assertThat(r.err()).doesNotContain("WARN");
    }

    @ParameterizedTest
    @ValueSource(strings = { "--min-age soon", "--retire-after 1h", "--retire-after 12h --min-age 1h", "--max-deletes -1",
            "--collection a/b", "--collection __x__", "--max-ops-per-second -5", "--max-ops-per-second lots", "--output yaml" })
    void badOptionsAreUsageErrors(String args) {
        CliDriver.Result r = cli("127.0.0.1:1").run(("heartbeat-cleanup " + args).split(" "));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("error: ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aTaskIndexOutsideTheTaskCountIsAUsageError() {
        CliDriver.Result r = cli("127.0.0.1:1").env("CLOUD_RUN_TASK_INDEX", "4").env("CLOUD_RUN_TASK_COUNT", "4").run("heartbeat-cleanup");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("CLOUD_RUN_TASK_INDEX=4 and CLOUD_RUN_TASK_COUNT=4 do not name a task");
    }

    @Test
    void anUnreachableStoreExitsOneAndNamesIt() {
        CliDriver.Result r = cli("127.0.0.1:1").run("heartbeat-cleanup");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("127.0.0.1:1", "fix:");
    }

    @Test
    void cloudRunTasksEachTakeTheirShare() {
        seed();
        int deleted = 0;
        for (int k = 0; k < 3; k++) {
            CliDriver.Result r = cli().env("CLOUD_RUN_TASK_INDEX", "" + k).env("CLOUD_RUN_TASK_COUNT", "3")
                    .run("heartbeat-cleanup", "--execute", "--yes");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
            assertThat(r.out()).contains("[task " + k + " of 3: deletes its share, plans on the whole collection]");
            var m = java.util.regex.Pattern.compile("deleted (\\d+) docs").matcher(r.out());
            assertThat(m.find()).isTrue();
            deleted += Integer.parseInt(m.group(1));
        }
        assertThat(deleted).isEqualTo(40);
        assertThat(docs.all()).hasSize(3);
    }

    @Test
    void whenTheStoreGoesAwayHalfWayTheRunExitsOneAndARerunFinishes() throws Exception {
        docs.beat("nba-phase4-precompute-processors", "nba-phase4-precompute-processors", now.minus(H), "completed");
        for (int i = 0; i < 3000; i++) {
            docs.beat("nba-phase4-precompute-processors_2026-01-" + (10 + i % 20) + "_r" + i, null, now.minus(D.multipliedBy(2)), "completed");
        }
        docs.flush();
        try (TcpProxy proxy = new TcpProxy(Integer.parseInt(emulator.hostPort().split(":")[1]))) {
            // 3,000 deletes at 300/s take 10 s; the store goes away after the first 500. The pace and a count (not a
            // read of every doc) leave seconds between the two even on a loaded machine, where a full read each poll
            // at 1,000/s let the job finish before the cut
            CompletableFuture<CliDriver.Result> run = CompletableFuture.supplyAsync(() -> cli(proxy.hostPort())
                    .run("heartbeat-cleanup", "--execute", "--yes", "--max-ops-per-second", "300"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (docs.count() > 2500 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            proxy.cut();
            CliDriver.Result failed = run.get(120, TimeUnit.SECONDS);
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(failed.err()).contains("delete documents of processor_heartbeats", "docs were done before it failed",
                    "a rerun plans again from what is left", "UNAVAILABLE", "fix:");
            int left = docs.all().size();
            assertThat(left).as("part done").isBetween(2, 2500);

            proxy.restore();
            CliDriver.Result rerun = cli(proxy.hostPort()).run("heartbeat-cleanup", "--execute", "--yes");
            assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(ExitCode.OK);
            assertThat(rerun.out()).contains("to delete " + String.format(Locale.ROOT, "%,d", left - 1));
            assertThat(docs.all()).containsOnlyKeys("nba-phase4-precompute-processors");
        }
    }
}
