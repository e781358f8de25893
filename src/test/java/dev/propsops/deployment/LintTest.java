package dev.propsops.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * shellcheck on every shell script and yamllint on every YAML file of the repository. CI (.ci/run, which
 * sets CI=true) installs both and fails when they are missing; elsewhere a missing linter skips loudly.
 */
class LintTest {
    private static final List<String> SKIPPED_DIRS = List.of(".git", "target", "node_modules", "work");

    @Test
    void shellcheckPassesOnEveryScript() throws Exception {
        requireTool("shellcheck");
        List<String> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DeploymentFiles.ROOT)) {
            files.filter(Files::isRegularFile).filter(LintTest::notSkipped).filter(LintTest::isShellScript)
                    .forEach(p -> scripts.add(DeploymentFiles.ROOT.relativize(p).toString()));
        }
        assertThat(scripts).contains(".ci/run", "deployment/deploy-job.sh");
        List<String> command = new ArrayList<>(List.of("shellcheck", "--severity=style"));
        command.addAll(scripts);
        Result r = run(command);
        assertThat(r.exitCode).as("shellcheck " + scripts + "\n" + r.output).isZero();
    }

    @Test
    void yamllintPassesOnEveryYamlFile() throws Exception {
        requireTool("yamllint");
        Result r = run(List.of("yamllint", "--strict", "."));
        assertThat(r.exitCode).as("yamllint --strict .\n" + r.output).isZero();
    }

    private static boolean notSkipped(Path p) {
        Path rel = DeploymentFiles.ROOT.relativize(p);
        for (Path part : rel) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isShellScript(Path p) {
        String name = p.getFileName().toString();
        if (name.endsWith(".sh")) {
            return true;
        }
        if (name.contains(".") || !Files.isExecutable(p)) {
            return false;
        }
        try {
            String first = Files.readAllLines(p, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            return first.startsWith("#!") && (first.contains("bash") || first.endsWith("/sh") || first.contains(" sh"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static void requireTool(String tool) throws Exception {
        boolean present;
        try {
            present = run(List.of(tool, "--version")).exitCode == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present) {
            String message = tool + " is not installed: install the Debian package " + tool + " (.ci/run does)";
            if (System.getenv("CI") != null) {
                throw new AssertionError(message);
            }
            System.err.println("\n!!!!! LINT SKIPPED: " + message + "\n");
            Assumptions.abort(message);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(DeploymentFiles.ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 120s");
        }
        return new Result(p.exitValue(), out);
    }
}
