package dev.propsops.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.drift.demo.PlatformData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of a native binary built by a Dockerfile's builder stage (or `./mvnw -Dnative package` where
 * GraalVM is installed): runs only when PROPS_OPS_NATIVE_BINARY points at it, and is skipped with that
 * reason otherwise. It covers what only the native image can get wrong: startup, the build facts, and
 * DuckDB's JNI library on a real drift check.
 */
class NativeSmokeTest {
    private static Path binary;

    @BeforeAll
    static void binary() {
        String path = System.getenv("PROPS_OPS_NATIVE_BINARY");
        if (path == null || path.isBlank()) {
            String why = "native smoke test SKIPPED: no native binary; set PROPS_OPS_NATIVE_BINARY to one "
                    + "(see deployment/dockerfiles/README.md)";
            System.err.println(why);
            Assumptions.abort(why);
        }
        binary = Path.of(path);
        assertThat(Files.isExecutable(binary)).as(path + " is not an executable file").isTrue();
    }

    @Test
    void helpListsTheJobs() throws Exception {
        Run r = run("--help");
        assertThat(r.exitCode).as(r.output).isZero();
        assertThat(r.output).contains("heartbeat-cleanup", "heartbeat-monitor", "drift-check", "staging-prune");
    }

    @Test
    void versionNamesTheBuild() throws Exception {
        Run r = run("--version");
        assertThat(r.exitCode).as(r.output).isZero();
        assertThat(r.output).matches("(?s)props-ops \\S+ \\(commit \\S+\\)\\s*");
    }

    @Test
    void aStagingDryRunFromAnInventoryFile() throws Exception {
        Path inventory = Path.of("src/test/resources/staging/nba_raw-tables.json").toAbsolutePath();
        Run r = run("staging-prune", "--sport", "nba", "--inventory", inventory.toString(), "--output", "json");
        assertThat(r.exitCode).as(r.output).isZero();
        assertThat(r.output).contains("odds_api_temp_test", "\"candidate\" : true");
    }

    @Test
    void driftCheckOnDuckDbFindsTheVegasLineIncident(@TempDir Path dir) throws Exception {
        PlatformData.handoff().writeParquet(dir);
        Run r = run("drift-check", "--sport", "nba", "--month", "2026-01", "--source", "parquet:" + dir);
        assertThat(r.exitCode).as(r.output).isEqualTo(3);
        assertThat(r.output).contains("vegas_points_line 2026-01", "rows without this feature were added");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("native " + command + " did not finish").isTrue();
        return new Run(p.exitValue(), out);
    }
}
