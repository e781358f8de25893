package dev.propsops.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import dev.propsops.testing.SignalDisposition;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher on the real emulator: ready, capped, and never leaving an orphan JVM behind. */
class FirestoreEmulatorTest {
    private static EmulatorLocator locatorOrSkip() {
        EmulatorLocator locator = EmulatorLocator.forEnvironment(System.getenv());
        try {
            locator.emulatorJar();
        } catch (OpsException e) {
            System.err.println("\n!!!!! FIRESTORE EMULATOR MISSING, launcher tests SKIPPED: " + e.getMessage() + "\n");
            Assumptions.abort(e.getMessage());
        }
        return locator;
    }

    @Test
    void startsReadyWithAHeapCapAndLeavesNothingOnClose() throws Exception {
        EmulatorLocator locator = locatorOrSkip();
        long pid;
        try (FirestoreEmulator emulator = FirestoreEmulator.start(locator, EmulatorSettings.defaults())) {
            pid = emulator.pid();
            assertThat(emulator.hostPort()).startsWith("127.0.0.1:");
            assertThat(emulator.isAlive()).isTrue();
            assertThat(commandLineOf(pid)).contains("-Xmx512m", "--host=127.0.0.1");
            assertThat(psShows(pid)).isTrue();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(psShows(pid)).as("ps still lists the emulator JVM " + pid).isFalse();
    }

    @Test
    void anExceptionInsideTheBlockStillStopsIt() throws Exception {
        EmulatorLocator locator = locatorOrSkip();
        long[] pid = new long[1];
        assertThatThrownBy(() -> {
            try (FirestoreEmulator emulator = FirestoreEmulator.start(locator, EmulatorSettings.defaults())) {
                pid[0] = emulator.pid();
                throw new IllegalStateException("boom");
            }
        }).hasMessage("boom");
        assertThat(psShows(pid[0])).isFalse();
    }

    @Test
    void ctrlCOnTheOwningProcessStopsTheEmulator() throws Exception {
        assertNoEmulatorLeftAfter(Stop.SIGINT);
    }

    @Test
    void aTermSignalOnTheOwningProcessStopsTheEmulator() throws Exception {
        // what `kill PID` sends, and what Cloud Run sends a task it cancels or times out
        assertNoEmulatorLeftAfter(Stop.SIGTERM);
    }

    @Test
    void anUncaughtExceptionInTheOwningProcessStopsTheEmulator() throws Exception {
        assertNoEmulatorLeftAfter(Stop.THROW);
    }

    private static void assertNoEmulatorLeftAfter(Stop stop) throws Exception {
        locatorOrSkip();
        long emulatorPid = runChildAndStop(stop);
        waitGone(emulatorPid);
        assertThat(psShows(emulatorPid)).as("ps still lists the emulator JVM after " + stop).isFalse();
    }

    @Test
    void readsWhichSignalsAProcessIgnores() {
        // a background job of a non-interactive shell: SIGINT (2) and SIGQUIT (3) ignored
        SignalDisposition background = SignalDisposition.parse("Name:\tjava\nSigIgn:\t0000000000000006\nSigCgt:\t0\n");
        assertThat(background.ignores(SignalDisposition.SIGINT)).isTrue();
        assertThat(background.ignores(SignalDisposition.SIGTERM)).isFalse();
        assertThat(SignalDisposition.parse(background.line()).mask()).isEqualTo("0x6");
        SignalDisposition terminal = SignalDisposition.parse("SigIgn:\t0000000000000000\n");
        assertThat(terminal.ignores(SignalDisposition.SIGINT)).isFalse();
        assertThatThrownBy(() -> SignalDisposition.parse("Name:\tjava\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingEmulatorSaysHowToInstallIt(@TempDir Path empty) {
        EmulatorLocator nowhere = new EmulatorLocator(Map.of(), List.of(empty));
        assertThatThrownBy(nowhere::emulatorJar).isInstanceOfSatisfying(OpsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(e.getMessage()).contains("not installed", empty.toString());
            assertThat(e.fix()).hasValueSatisfying(f -> assertThat(f)
                    .contains("gcloud components install cloud-firestore-emulator", "google-cloud-cli-firestore-emulator"));
        });
    }

    @Test
    void anExplicitJarThatIsNotThereIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.jar");
        EmulatorLocator locator = new EmulatorLocator(Map.of(EmulatorLocator.JAR_ENV, missing.toString()), List.of());
        assertThatThrownBy(locator::emulatorJar).isInstanceOfSatisfying(OpsException.class,
                e -> assertThat(e.getMessage()).contains(missing.toString(), EmulatorLocator.JAR_ENV));
    }

    @Test
    void findsTheJarUnderAnSdkRoot(@TempDir Path sdk) throws Exception {
        Path jar = sdk.resolve(EmulatorLocator.JAR_IN_SDK);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not really a jar");
        assertThat(new EmulatorLocator(Map.of(), List.of(sdk.resolve("missing"), sdk)).emulatorJar()).isEqualTo(jar);
    }

    private enum Stop {
        SIGINT(SignalDisposition.SIGINT), SIGTERM(SignalDisposition.SIGTERM), THROW(0);

        final int signal;

        Stop(int signal) {
            this.signal = signal;
        }
    }

    /**
     * Starts EmulatorChildMain in its own JVM, reads the emulator pid, then signals it or lets it throw. A child
     * inherits the signals this JVM ignores: started from a background job of a script, that is SIGINT, and the
     * child JVM would then install no SIGINT handler at all. So the child is started with the signal it is sent back
     * at its default, as a terminal would have it, and it reports what it ignores, so that a child that still ignores
     * it fails here with the reason instead of "did not exit".
     */
    private static long runChildAndStop(Stop stop) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(stop.signal > 0 ? SignalDisposition.restoring(stop.signal) : List.of());
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), EmulatorChildMain.class.getName(),
                stop == Stop.THROW ? "throw" : "wait"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        long emulatorPid = -1;
        SignalDisposition childSignals = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("child-SigIgn:")) {
                    childSignals = SignalDisposition.parse(line.substring("child-".length()));
                } else if (line.startsWith("emulator-pid=")) {
                    emulatorPid = Long.parseLong(line.substring("emulator-pid=".length()).trim());
                    break;
                }
            }
            assertThat(emulatorPid).as("the child never reported an emulator").isPositive();
            assertThat(psShows(emulatorPid)).isTrue();
            if (stop != Stop.THROW) {
                assertThat(childSignals).as("the child reported no signal dispositions").isNotNull();
                assertThat(childSignals.ignores(stop.signal)).as("the child ignores signal " + stop.signal + " (SigIgn "
                        + childSignals.mask() + "; this JVM: " + SignalDisposition.ofThisProcess().mask() + ")").isFalse();
                // SIGINT is what Ctrl-C in a terminal sends
                new ProcessBuilder("kill", "-" + stop.name().substring(3), Long.toString(child.pid())).start().waitFor();
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child JVM did not exit").isTrue();
        } finally {
            child.destroyForcibly();
            if (emulatorPid > 0) {
                ProcessHandle.of(emulatorPid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        return emulatorPid;
    }

    private static void waitGone(long pid) throws InterruptedException {
        for (int i = 0; i < 100 && psShows(pid); i++) {
            Thread.sleep(100);
        }
    }

    private static String commandLineOf(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
    }

    /** Asks `ps` itself, as a person checking by hand would. */
    static boolean psShows(long pid) {
        try {
            Process ps = new ProcessBuilder("ps", "-o", "pid=,stat=", "-p", Long.toString(pid)).redirectErrorStream(true).start();
            String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            ps.waitFor();
            // a zombie (Z) has exited; only its exit status waits to be collected
            return !out.isEmpty() && !out.matches("\\d+\\s+Z.*");
        } catch (Exception e) {
            throw new IllegalStateException("could not run ps", e);
        }
    }
}
