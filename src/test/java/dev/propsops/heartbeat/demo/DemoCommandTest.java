package dev.propsops.heartbeat.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.cli.ExitCode;
import dev.propsops.testing.CliDriver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The demo end to end on its own private emulator (skipped like the other emulator tests when it is missing). */
@QuarkusTest
class DemoCommandTest {
    @Inject
    CommandLine.IFactory factory;

    @Test
    void tellsTheStoryFromProliferationToOneDocPerProcessor() {
        org.junit.jupiter.api.Assumptions.assumeTrue(emulatorInstalled(), "Firestore emulator not installed");
        CliDriver.Result r = new CliDriver(factory).run("demo", "--legacy-docs", "3000");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("=== 1. The incident", "=== 2. heartbeat-monitor", "=== 3. heartbeat-cleanup (dry run)",
                "=== 4. heartbeat-cleanup --execute --yes", "=== 5. heartbeat-monitor again", "=== The end");
        Matcher end = Pattern.compile("Collection: ([\\d,]+) -> ([\\d,]+) docs\\. Health score: (\\d+)/100 -> (\\d+)/100")
                .matcher(r.out().replace(System.lineSeparator(), " "));
        assertThat(end.find()).as(r.out()).isTrue();
        long before = Long.parseLong(end.group(1).replace(",", ""));
        long after = Long.parseLong(end.group(2).replace(",", ""));
        assertThat(before).isGreaterThan(3000);
        // one doc per processor (29 after the retirement), the 3 foreign docs, the 2 runs in flight
        assertThat(after).isEqualTo(34);
        assertThat(Integer.parseInt(end.group(3))).isLessThan(50);
        assertThat(Integer.parseInt(end.group(4))).isGreaterThanOrEqualTo(90);
        assertThat(r.out()).contains("deploy the heartbeat fix to nba-phase2-raw-processors", "retire: delete",
                "canonical docs created from the newest legacy doc", "3 foreign (never modified)", "keep 2 of runs in flight");
        assertThat(r.err()).contains("started a private Firestore emulator");
    }

    @Test
    void aNegativeSizeIsAUsageError() {
        CliDriver.Result r = new CliDriver(factory).run("demo", "--legacy-docs", "-1");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--legacy-docs must be between 0 and 2,000,000");
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
