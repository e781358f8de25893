package dev.propsops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.cli.ExitCode;
import dev.propsops.testing.CliDriver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The demo end to end: every chapter, one at a time and all together, and the counts of the heartbeat
 * chapter traced from screen to screen. The heartbeat chapter runs on its own private emulator (skipped
 * like the other emulator tests when it is missing, loudly); drift and staging need none, which is tested
 * with the emulator made unfindable.
 */
@QuarkusTest
class DemoCommandTest {
    static final String NO_EMULATOR = "/nonexistent/cloud-firestore-emulator.jar";

    @Inject
    CommandLine.IFactory factory;

    private CliDriver cli() {
        return new CliDriver(factory);
    }

    /** The whole demo on one line per paragraph, so that wrapped sentences can be matched. */
    private static String flat(CliDriver.Result r) {
        return r.out().replace(System.lineSeparator(), " ");
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("/" + regex + "/ in the demo's output").isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void tellsTheThreeIncidentsAndTheHeartbeatCountsAgreeFromScreenToScreen() {
        org.junit.jupiter.api.Assumptions.assumeTrue(emulatorInstalled(), "Firestore emulator not installed");
        CliDriver.Result r = cli().run("demo", "--legacy-docs", "3000");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("=== 1. The incident", "=== 2. heartbeat-monitor", "=== 3. heartbeat-cleanup (dry run)",
                "=== 4. heartbeat-cleanup --execute --yes", "=== 5. heartbeat-monitor again", "=== 6. drift-check: the vegas-line incident",
                "=== 7. staging-prune: the report", "=== 8. staging-prune --action expire (dry run)", "=== The end: before -> after");
        String all = flat(r);

        long seeded = number(all, "now holds ([\\d,]+) heartbeat docs");
        assertThat(number(all, "collection size ([\\d,]+) docs \\(bound 50\\)  << OVER THE BOUND")).as("the monitor counts the seed").isEqualTo(seeded);
        Matcher reads = Pattern.compile("It read ([\\d,]+) docs: the ([\\d,]+) of the collection, then again the ([\\d,]+) beaten").matcher(all);
        assertThat(reads.find()).isTrue();
        assertThat(Long.parseLong(reads.group(1).replace(",", ""))).as("reads = the collection + the recent beats read again")
                .isEqualTo(Long.parseLong(reads.group(2).replace(",", "")) + Long.parseLong(reads.group(3).replace(",", "")));
        assertThat(Long.parseLong(reads.group(2).replace(",", ""))).isEqualTo(seeded);

        Matcher live = Pattern.compile("the collection now holds ([\\d,]+) \\+ (\\d+) = ([\\d,]+) docs").matcher(all);
        assertThat(live.find()).isTrue();
        assertThat(Long.parseLong(live.group(1).replace(",", ""))).isEqualTo(seeded);
        long scanned = Long.parseLong(live.group(3).replace(",", ""));
        assertThat(scanned).isEqualTo(seeded + Long.parseLong(live.group(2)));
        assertThat(number(all, "scanned ([\\d,]+) docs: ")).as("the dry run scans what the text said").isEqualTo(scanned);

        long deleted = number(all, "deleted ([\\d,]+) docs \\(");
        long created = number(all, "should hold [\\d,]+ - [\\d,]+ deleted \\+ (\\d+) canonical docs created");
        long expected = number(all, "canonical docs created = ([\\d,]+) docs");
        assertThat(expected).isEqualTo(scanned - deleted + created);
        Matcher sizes = Pattern.compile("collection size ([\\d,]+) docs \\(bound 50\\)").matcher(all);
        assertThat(sizes.find() && sizes.find()).isTrue();
        assertThat(Long.parseLong(sizes.group(1).replace(",", ""))).as("the second monitor finds what the sums said").isEqualTo(expected)
                .isEqualTo(34); // one doc per processor (29 after the retirement), the 3 foreign docs, the 2 runs in flight

        Matcher end = Pattern.compile("heartbeat +([\\d,]+) docs, score (\\d+)/100 -> ([\\d,]+) docs, score (\\d+)/100: ([\\d,]+) seeded "
                + "\\+ (\\d+) live = ([\\d,]+) scanned; ([\\d,]+) deleted, (\\d+) canonical created").matcher(r.out());
        assertThat(end.find()).as(r.out()).isTrue();
        assertThat(Long.parseLong(end.group(1).replace(",", ""))).isEqualTo(seeded);
        assertThat(Long.parseLong(end.group(3).replace(",", ""))).isEqualTo(expected);
        assertThat(Long.parseLong(end.group(7).replace(",", ""))).isEqualTo(scanned);
        assertThat(Long.parseLong(end.group(8).replace(",", ""))).isEqualTo(deleted);
        assertThat(Integer.parseInt(end.group(2))).isLessThan(50);
        assertThat(Integer.parseInt(end.group(4))).isGreaterThanOrEqualTo(90);

        assertThat(r.out()).contains("deploy the heartbeat fix to nba-phase2-raw-processors", "retire: delete",
                "canonical docs created from the newest legacy doc", "3 foreign (never modified)", "keep 2 of runs in flight")
                .containsPattern("(?m)^drift-check +vegas_points_line 99\\.\\d% -> 4[34]\\.\\d% coverage")
                .containsPattern("(?m)^staging-prune +50 staging-named tables, 44 stale");
        assertThat(r.err()).contains("started a private Firestore emulator");
    }

    @Test
    void theDriftChapterAloneNeedsNoEmulatorAndShowsTheExplanationAndTheHitRate() {
        CliDriver.Result r = cli().env("PROPS_OPS_FIRESTORE_EMULATOR_JAR", NO_EMULATOR).run("demo", "--only", "drift");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("=== 6. drift-check: the vegas-line incident", "=== The end: before -> after")
                .doesNotContain("=== 1. The incident", "=== 7. staging-prune")
                .containsPattern("(?m)^CRITICAL +vegas_points_line 2026-01: coverage 99\\.\\d% -> 4[34]\\.\\d% \\(-5\\d\\.\\d pts\\) while rows/day "
                        + "rose 2\\.3x: rows without this feature were added; hit rate 7\\d\\.\\d% -> 5\\d\\.\\d%")
                .containsPattern("(?m)^  2026-01 +7\\d\\.\\d% -> 5\\d\\.\\d% \\(-1\\d\\.\\d pts\\)")
                .contains("seasons: 2024-25 from 2024-10-22 (configuration; the schedule agrees)", "worst critical, --fail-on critical: exit 3")
                .containsPattern("(?m)^drift-check +vegas_points_line 99\\.\\d% -> 4[34]\\.\\d% coverage, rows/day 200 -> 460, hit rate "
                        + "7\\d\\.\\d% -> 5\\d\\.\\d% \\(January 2025 -> 2026\\): CRITICAL, exit 3$");
        assertThat(r.err()).doesNotContain("emulator").contains("measuring nba_predictions.ml_feature_store_v2");
    }

    @Test
    void theStagingChapterAloneReportsThenExpiresAsADryRun() {
        CliDriver.Result r = cli().env("PROPS_OPS_FIRESTORE_EMULATOR_JAR", NO_EMULATOR).run("demo", "--only", "staging", "--legacy-docs", "5");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).contains("warning: --legacy-docs applies to the heartbeat chapter only; ignored for --only staging");
        String all = flat(r);
        assertThat(r.out()).contains("=== 7. staging-prune: the report", "=== 8. staging-prune --action expire (dry run)")
                .doesNotContain("=== 6. drift-check", "=== 1. The incident")
                .containsPattern("(?m)^nba_raw\\.odds_api_temp_test +\\d+d +9\\.0 GiB .* report$")
                .containsPattern("(?m)^nba_raw\\.team_defense_backup_20250115 .* expire -> expires \\S+ \\(planned\\)$")
                .contains("protected by pattern '_keep(_|$)'", "a view: never pruned", "staging name, but modified 30h ago (not older than 30d)",
                        "action expire, DRY RUN (nothing was changed)", "dry run: add --execute to apply", "... and 41 more tables with a staging name",
                        "15 other table(s) do not have a staging name");
        assertThat(number(all, "(\\d+) candidate\\(s\\)")).isEqualTo(44);
        assertThat(number(all, "44 candidate\\(s\\), [\\d.]+ GiB; (\\d+) to change")).as("the report changes nothing").isZero();
        Matcher end = Pattern.compile("staging-prune +(\\d+) staging-named tables, (\\d+) stale \\(([\\d.]+) GiB, \\$([\\d.]+)/month\\) -> expire "
                + "dry run: (\\d+) would expire on \\S+, saving \\$([\\d.]+)/month; kept: 3 fresh, 2 protected, 1 view").matcher(r.out());
        assertThat(end.find()).as(r.out()).isTrue();
        assertThat(end.group(1)).isEqualTo("50");
        assertThat(end.group(2)).isEqualTo("44").isEqualTo(end.group(5));
        assertThat(end.group(4)).as("what expiring them saves is what they cost").isEqualTo(end.group(6));
        assertThat(Integer.parseInt(end.group(1))).isEqualTo(Integer.parseInt(end.group(2)) + 3 + 2 + 1);
    }

    @Test
    void withoutTheEmulatorTheWholeDemoStopsAtOnceAndNamesTheChaptersThatNeedNone() {
        CliDriver.Result r = cli().env("PROPS_OPS_FIRESTORE_EMULATOR_JAR", NO_EMULATOR).run("demo");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("the demo's heartbeat chapter cannot run: the Firestore emulator is not installed", NO_EMULATOR, "gcloud components install",
                "demo --only drift", "demo --only staging");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBadChapterOrSizeIsAUsageError() {
        CliDriver.Result r = cli().run("demo", "--only", "billing");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--only", "billing", "heartbeat", "drift", "staging");
        assertThat(r.out()).isEmpty();
        CliDriver.Result size = cli().run("demo", "--legacy-docs", "-1");
        assertThat(size.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(size.err()).contains("--legacy-docs must be between 0 and 2,000,000");
    }

    @Test
    void helpNamesTheChapters() {
        CliDriver.Result r = cli().run("demo", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--only", "heartbeat|drift|staging", "--legacy-docs").doesNotContain("--output");
    }

    private static boolean emulatorInstalled() {
        try {
            dev.propsops.gcp.EmulatorLocator.forEnvironment(System.getenv()).emulatorJar();
            return true;
        } catch (RuntimeException e) {
            System.err.println("!!!!! FIRESTORE EMULATOR MISSING, demo test SKIPPED: " + e.getMessage());
            return false;
        }
    }
}
