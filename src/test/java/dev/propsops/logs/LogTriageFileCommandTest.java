package dev.propsops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.testing.CliDriver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** log-triage on gcloud exports, run in-process as the binary runs: no credentials, no project, no network. */
@QuarkusTest
class LogTriageFileCommandTest {
    static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
    static final String WORKER = "prediction-worker";
    static final String REV = "prediction-worker-00042-abc";
    static final Path SERVICES = Path.of("src/test/resources/cloudrun/services.json");

    @Inject
    CommandLine.IFactory factory;

    @TempDir
    Path dir;

    CliDriver cli() {
        return new CliDriver(factory).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The handoff's week: 143 bare "Error: " entries and 37 metric-write 403s from prediction-worker, plus noise. */
    static LogFixtures handoffWeek() {
        LogFixtures f = new LogFixtures();
        Instant start = NOW.minus(Duration.ofDays(7));
        for (int i = 0; i < 143; i++) {
            f.text(start.plusSeconds(3_600L + i * 4_000L), WORKER, REV, "instance-" + (i % 4), "ERROR", "Error: ");
        }
        for (int i = 0; i < 37; i++) {
            f.text(start.plusSeconds(1_800L + i * 15_000L), WORKER, REV, "instance-" + (i % 4), "ERROR", LogFixtures.HANDOFF_403);
        }
        for (int i = 0; i < 60; i++) {
            f.json(start.plusSeconds(900L + i * 9_000L), "nba-phase2-processors", "nba-phase2-processors-00107-xyz", "p2-" + (i % 2),
                    "ERROR", "Timeout fetching odds for game 225006" + (10 + i % 40) + " after " + (30 + i % 3) + "s");
        }
        return f;
    }

    @Test
    void theHandoffsTwoFindingsRatedAsTheHandoffRatedThem() {
        Path file = handoffWeek().writeArray(dir.resolve("errors.json"), true);
        CliDriver.Result r = cli().run("log-triage", "--input", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        String out = r.out();
        assertThat(out).as(r.toString()).contains("FINDINGS (1 high, 1 medium, 1 low)")
                .containsPattern("HIGH +no-message +prediction-worker +143 events")
                .contains("143 errors from prediction-worker (revision prediction-worker-00042-abc) with messages like \"Error: \"")
                .contains("fix:  log the exception with its type and traceback")
                .containsPattern("MEDIUM +permission-denied +prediction-worker +37 events")
                .contains("'monitoring.timeSeries.create' on 'projects/nba-props-platform'", "role: roles/monitoring.metricWriter")
                .contains("run:  gcloud projects add-iam-policy-binding nba-props-platform --member=serviceAccount:SERVICE_ACCOUNT "
                        + "--role=roles/monitoring.metricWriter")
                .contains("gcloud run services describe prediction-worker --region=us-west2")
                .contains("TOP PATTERNS").contains("nba-phase2-processors: 60 events in 1 pattern(s)");
        assertThat(out.indexOf("HIGH")).isLessThan(out.indexOf("MEDIUM"));
        assertThat(out.indexOf("FINDINGS")).isLessThan(out.indexOf("TOP PATTERNS"));
        assertThat(r.err()).doesNotContain("credentials").doesNotContain("Exception");
    }

    @Test
    void withTheServicesExportTheFixIsTheExactCommand() throws Exception {
        Path file = handoffWeek().writeArray(dir.resolve("errors.json"), true);
        CliDriver.Result r = cli().run("log-triage", "--input", file.toString(), "--services", SERVICES.toString(), "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode doc = Json.mapper().readTree(r.out());
        JsonNode findings = doc.path("findings");
        assertThat(findings.get(0).path("rule").asText()).isEqualTo("no-message");
        assertThat(findings.get(0).path("rating").asText()).isEqualTo("high");
        assertThat(findings.get(0).path("count").asLong()).isEqualTo(143);
        assertThat(findings.get(0).path("revision").asText()).isEqualTo(REV);
        assertThat(findings.get(0).path("sample_insert_id").asText()).isNotEmpty();
        assertThat(findings.get(0).path("first_seen").asText()).isEqualTo("2026-01-25T01:00:00Z");
        JsonNode perm = findings.get(1);
        assertThat(perm.path("rule").asText()).isEqualTo("permission-denied");
        assertThat(perm.path("permission").asText()).isEqualTo("monitoring.timeSeries.create");
        assertThat(perm.path("resource").asText()).isEqualTo("projects/nba-props-platform");
        assertThat(perm.path("role").asText()).isEqualTo("roles/monitoring.metricWriter");
        assertThat(perm.path("service_account").asText()).isEqualTo("prediction-worker@nba-props-platform.iam.gserviceaccount.com");
        assertThat(perm.path("command").asText()).isEqualTo("gcloud projects add-iam-policy-binding nba-props-platform "
                + "--member=serviceAccount:prediction-worker@nba-props-platform.iam.gserviceaccount.com --role=roles/monitoring.metricWriter");
        assertThat(doc.path("summary").path("worst").asText()).isEqualTo("high");
        assertThat(doc.path("read").path("entries").asLong()).isEqualTo(240);
        assertThat(doc.path("read").path("malformed").path("total").asLong()).isZero();
        assertThat(doc.path("baseline").path("read").asBoolean()).isFalse();
        assertThat(doc.path("services")).hasSize(2);
        // the 60 timeouts (different game ids and seconds) are one pattern
        JsonNode phase2 = doc.path("services").get(0);
        assertThat(phase2.path("service").asText()).isEqualTo("nba-phase2-processors");
        assertThat(phase2.path("patterns").asLong()).isEqualTo(1);
        assertThat(phase2.path("top").get(0).path("count").asLong()).isEqualTo(60);
        assertThat(phase2.path("top").get(0).path("template").asText()).contains("Timeout fetching odds for game <*>");
    }

    @Test
    void failOnDecidesTheExitCode() {
        Path file = handoffWeek().writeArray(dir.resolve("errors.json"), false);
        assertThat(cli().run("log-triage", "--input", file.toString(), "--fail-on", "never").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(cli().run("log-triage", "--input", file.toString(), "--fail-on", "critical").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(cli().run("log-triage", "--input", file.toString(), "--fail-on", "medium").exitCode()).isEqualTo(ExitCode.FINDINGS);
        LogFixtures onlyNoise = new LogFixtures();
        for (int i = 0; i < 5; i++) {
            onlyNoise.text(NOW.minusSeconds(100 - i), WORKER, REV, "i", "ERROR", "Timeout after " + i + "s");
        }
        Path noise = onlyNoise.writeArray(dir.resolve("noise.json"), true);
        assertThat(cli().run("log-triage", "--input", noise.toString()).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(cli().run("log-triage", "--input", noise.toString(), "--fail-on", "low").exitCode()).isEqualTo(ExitCode.FINDINGS);
    }

    static final String[] PYTHON = {
        "Traceback (most recent call last):",
        "  File \"/app/predictions/worker.py\", line %d, in handle",
        "    result = predict(player_id, game_id)",
        "  File \"/app/predictions/model.py\", line 41, in predict",
        "    return self.booster.predict(features)",
        "ValueError: feature vector has %d values, expected 33",
    };
    static final String[] JAVA = {
        "java.lang.IllegalStateException: lineup for game %d not published",
        "\tat dev.nba.lineups.LineupService.load(LineupService.java:120)",
        "\tat dev.nba.lineups.LineupJob.run(LineupJob.java:48)",
        "Caused by: java.io.IOException: 503 from upstream",
        "\tat dev.nba.http.Client.get(Client.java:77)",
    };

    static String[] fill(String[] lines, int a, int b) {
        String[] out = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            out[i] = lines[i].contains("%d") ? String.format(lines[i], lines[i].contains("line %d") ? a : b) : lines[i];
        }
        return out;
    }

    @Test
    void splitPythonAndJavaTracebacksAreOneEventEachAndTheirLinesNoPatternsOfTheirOwn() throws Exception {
        LogFixtures f = new LogFixtures();
        Instant t = NOW.minus(Duration.ofHours(20));
        for (int i = 0; i < 3; i++) {
            // two instances writing at once: their lines interleave in the log
            f.lines(t.plusSeconds(600L * i), WORKER, REV, "w-" + i, fill(PYTHON, 80 + i, 30 + i));
            f.lines(t.plusSeconds(600L * i).plusNanos(500), "nba-lineups", "nba-lineups-00003-kq2", "j-" + i, fill(JAVA, 0, 22500600 + i));
            f.text(t.plusSeconds(600L * i + 1), WORKER, REV, "w-" + i, "ERROR", "Prediction for game 22500" + (600 + i) + " skipped");
        }
        Path file = f.writeArray(dir.resolve("tracebacks.json"), true);
        Path csv = dir.resolve("assignments.csv");
        CliDriver.Result r = cli().run("log-triage", "--input", file.toString(), "--assignments", csv.toString(), "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.path("read").path("entries").asLong()).isEqualTo(3L * (PYTHON.length + JAVA.length + 1));
        assertThat(doc.path("read").path("events").asLong()).isEqualTo(9);
        Map<String, JsonNode> services = new HashMap<>();
        doc.path("services").forEach(s -> services.put(s.path("service").asText(), s));
        JsonNode worker = services.get(WORKER);
        assertThat(worker.path("patterns").asLong()).as(r.out()).isEqualTo(2);
        JsonNode tb = worker.path("top").get(0).path("traceback").asBoolean() ? worker.path("top").get(0) : worker.path("top").get(1);
        assertThat(tb.path("count").asLong()).isEqualTo(3);
        assertThat(tb.path("entries").asLong()).isEqualTo(3L * PYTHON.length);
        assertThat(tb.path("template").asText()).startsWith("ValueError: feature vector has <*> values")
                .contains("/app/predictions/model.py:predict < /app/predictions/worker.py:handle");
        assertThat(tb.path("sample").asText()).startsWith("Traceback (most recent call last):\n  File").endsWith("expected 33");
        JsonNode lineups = services.get("nba-lineups");
        assertThat(lineups.path("patterns").asLong()).isEqualTo(1);
        assertThat(lineups.path("top").get(0).path("template").asText()).startsWith("java.lang.IllegalStateException: lineup for game <*>");
        for (JsonNode s : doc.path("services")) {
            for (JsonNode p : s.path("top")) {
                assertThat(p.path("template").asText()).doesNotStartWith("File").doesNotStartWith("at ").doesNotStartWith("Caused by");
            }
        }
        // every line of a traceback has its traceback's pattern; the file is in the input's order
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize((int) doc.path("read").path("entries").asLong());
        JsonNode entries = Json.mapper().readTree(file.toFile());
        Map<String, Set<String>> patternsPerEvent = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] cols = lines.get(i).split(",", -1);
            assertThat(cols[0]).isEqualTo(String.valueOf(i));
            JsonNode e = entries.get(i);
            String instance = e.path("labels").path("instanceId").asText();
            String text = e.path("textPayload").asText();
            if (!text.startsWith("Prediction for")) {
                patternsPerEvent.computeIfAbsent(instance, k -> new HashSet<>()).add(cols[1]);
            }
        }
        assertThat(patternsPerEvent).hasSize(6).allSatisfy((instance, ids) -> assertThat(ids).hasSize(1));
        Set<String> pythonIds = new HashSet<>();
        patternsPerEvent.forEach((instance, ids) -> {
            if (instance.startsWith("w-")) {
                pythonIds.addAll(ids);
            }
        });
        assertThat(pythonIds).as("the three Python tracebacks are one group").hasSize(1)
                .containsExactly(String.valueOf(tb.path("pattern_id").asInt()));
    }

    @Test
    void malformedEntriesAreCountedAndSkippedNeverACrash() {
        LogFixtures f = handoffWeek();
        f.add((ObjectNode) Json.object().put("textPayload", "no timestamp"));
        ObjectNode weird = Json.object();
        weird.put("timestamp", "2026-01-30T00:00:00Z");
        weird.putArray("textPayload").add("not a string");
        f.add(weird);
        Path file = f.writeArray(dir.resolve("errors.json"), true);
        String text = Files.exists(file) ? readString(file) : "";
        LogFixtures.write(file, text.replaceFirst("\\[", "[ 42,"));
        CliDriver.Result r = cli().run("log-triage", "--input", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("3 malformed entries skipped (1 not an object, 1 no timestamp, 1 unknown payload shape)")
                .contains("143 errors from prediction-worker");
    }

    @Test
    void jsonLinesWithABrokenLine() throws Exception {
        LogFixtures f = handoffWeek();
        Path file = f.writeLines(dir.resolve("errors.jsonl"));
        Files.writeString(file, Files.readString(file) + "{\"timestamp\": \"2026-01-31T00:00:00Z\", \"textPay\n");
        Path csv = dir.resolve("a.csv");
        CliDriver.Result r = cli().run("log-triage", "--input", file.toString(), "--output", "json", "--assignments", csv.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.path("read").path("malformed").path("not_json").asLong()).isEqualTo(1);
        assertThat(doc.path("read").path("entries").asLong()).isEqualTo(241);
        assertThat(r.err()).contains("errors.jsonl:241: not JSON, skipped");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(241);
        assertThat(lines.get(240)).isEqualTo("240,");
    }

    @Test
    void aBrokenArrayIsAUsageErrorNamingTheLine() {
        Path file = handoffWeek().writeArray(dir.resolve("errors.json"), true);
        String text = readString(file);
        LogFixtures.write(file, text.substring(0, text.length() / 2));
        CliDriver.Result r = cli().run("log-triage", "--input", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("errors.json:").containsAnyOf("truncated", "not valid JSON").doesNotContain("at dev.propsops");
    }

    @Test
    void anEmptyWindowIsExitZeroAndNoErrors() {
        Path empty = LogFixtures.write(dir.resolve("empty.json"), "[]\n");
        CliDriver.Result r = cli().run("log-triage", "--input", empty.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("no errors");
        LogFixtures info = new LogFixtures();
        info.text(NOW.minusSeconds(60), WORKER, REV, "i", "INFO", "Prediction written");
        Path onlyInfo = info.writeArray(dir.resolve("info.json"), true);
        CliDriver.Result r2 = cli().run("log-triage", "--input", onlyInfo.toString());
        assertThat(r2.exitCode()).as(r2.toString()).isEqualTo(ExitCode.OK);
        assertThat(r2.out()).contains("no errors", "1 entries out of scope skipped (1 below --min-severity)");
        Path week = handoffWeek().writeArray(dir.resolve("week.json"), true);
        CliDriver.Result r3 = cli().run("log-triage", "--input", week.toString(), "--from", "2025-12-01", "--to", "2025-12-02");
        assertThat(r3.exitCode()).as(r3.toString()).isEqualTo(ExitCode.OK);
        assertThat(r3.out()).contains("no errors", "240 entries out of scope skipped (240 outside the windows)");
        Path junk = LogFixtures.write(dir.resolve("junk.jsonl"), "not json\n{\"timestamp\":\"2026-01-31T00:00:00Z\"}\n");
        CliDriver.Result r4 = cli().run("log-triage", "--input", junk.toString());
        assertThat(r4.exitCode()).as(r4.toString()).isEqualTo(ExitCode.OK);
        assertThat(r4.out()).doesNotContain("no errors").contains("nothing to triage", "2 malformed entries were skipped");
    }

    @Test
    void aWindowInTheFileIsComparedWithTheWindowBeforeIt() throws Exception {
        LogFixtures f = new LogFixtures();
        Instant window = NOW.minus(Duration.ofDays(7));
        Instant before = window.minus(Duration.ofDays(7));
        for (int i = 0; i < 20; i++) {
            f.text(before.plusSeconds(10_000L * i), WORKER, REV, null, "ERROR", "Timeout fetching odds for game 225006" + i + " after 30s");
            f.text(window.plusSeconds(10_000L * i), WORKER, REV, null, "ERROR", "Timeout fetching odds for game 225007" + i + " after 30s");
        }
        for (int i = 0; i < 15; i++) {
            f.text(window.plusSeconds(20_000L * i), WORKER, REV, null, "ERROR", "BigQuery load of nba_raw.props_" + i + " rejected: schema mismatch");
        }
        for (int i = 0; i < 4; i++) {
            f.text(before.plusSeconds(50_000L * i), WORKER, REV, null, "ERROR", "Redis connection reset by peer 10.0.0." + i);
        }
        for (int i = 0; i < 30; i++) {
            f.text(window.plusSeconds(9_000L * i), WORKER, REV, null, "ERROR", "Redis connection reset by peer 10.0.0." + i);
        }
        f.text(window.plusSeconds(5), WORKER, REV, null, "ERROR", "Odd one-off error with code X");
        Path file = f.writeArray(dir.resolve("two-weeks.json"), true);
        CliDriver.Result r = cli().run("log-triage", "--input", file.toString(), "--since", "7d", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.path("baseline").path("read").asBoolean()).isTrue();
        assertThat(doc.path("baseline").path("entries").asLong()).isEqualTo(24);
        Map<String, JsonNode> byRule = new HashMap<>();
        doc.path("findings").forEach(x -> byRule.put(x.path("rule").asText(), x));
        assertThat(byRule).containsOnlyKeys("new-pattern", "spike", "recurring");
        assertThat(byRule.get("new-pattern").path("count").asLong()).isEqualTo(15);
        assertThat(byRule.get("new-pattern").path("template").asText()).startsWith("BigQuery load of");
        assertThat(byRule.get("spike").path("count").asLong()).isEqualTo(30);
        assertThat(byRule.get("spike").path("baseline_count").asLong()).isEqualTo(4);
        assertThat(byRule.get("spike").path("rating").asText()).isEqualTo("medium");
        assertThat(byRule.get("recurring").path("patterns").asLong()).isEqualTo(2);
        assertThat(byRule.get("recurring").path("count").asLong()).isEqualTo(21);
        JsonNode top = doc.path("services").get(0).path("top");
        assertThat(top.get(0).path("trend").asText()).isEqualTo("up");
        assertThat(top.get(0).path("change").asDouble()).isEqualTo(7.5);
        CliDriver.Result none = cli().run("log-triage", "--input", file.toString(), "--since", "7d", "--baseline", "none", "--output", "json");
        JsonNode noBaseline = Json.mapper().readTree(none.out());
        assertThat(noBaseline.path("findings")).extracting(x -> x.path("rule").asText()).containsExactly("recurring");
    }

    @Test
    void maxEntriesTruncatesPlainlyWithExit3() {
        Path file = handoffWeek().writeArray(dir.resolve("errors.json"), true);
        CliDriver.Result r = cli().run("log-triage", "--input", file.toString(), "--max-entries", "5", "--fail-on", "never");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("read:     5 entries", "!! TRUNCATED: the read stopped at --max-entries 5");
        assertThat(r.out()).doesNotContain("no errors");
    }

    @Test
    void badFlagsAreUsageErrorsWithAClearMessage() {
        Path file = handoffWeek().writeArray(dir.resolve("errors.json"), true);
        String f = file.toString();
        List<String[]> bad = new ArrayList<>(List.of(
                new String[] {"--input", f, "--since", "7d", "--from", "2026-01-01"},
                new String[] {"--input", f, "--min-severity", "LOUD"},
                new String[] {"--input", f, "--baseline", "yesterday"},
                new String[] {"--input", dir.resolve("missing.json").toString()},
                new String[] {"--input", f, "--filter", "severity>=ERROR"},
                new String[] {"--input", f, "--max-entries", "0"},
                new String[] {"--input", f, "--from", "last tuesday"},
                new String[] {"--input", f, "--from", "2026-01-10", "--to", "2026-01-05"},
                new String[] {"--input", f, "--since", "soon"},
                new String[] {"--input", f, "--top", "-1"},
                new String[] {"--input", f, "--services", dir.resolve("nope.json").toString()},
                new String[] {"--input", f, "--assignments", dir.resolve("no/such/dir/a.csv").toString()},
                new String[] {"--input", f, "--fail-on", "sometimes"},
                new String[] {"--input", f, "--no-such-flag"}));
        for (String[] args : bad) {
            String[] full = new String[args.length + 1];
            full[0] = "log-triage";
            System.arraycopy(args, 0, full, 1, args.length);
            CliDriver.Result r = cli().run(full);
            assertThat(r.exitCode()).as(String.join(" ", full) + "\n" + r).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as(String.join(" ", full)).contains("error: ").doesNotContain("\tat ").doesNotContain("Exception:");
            assertThat(r.out()).as(String.join(" ", full)).isEmpty();
        }
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
