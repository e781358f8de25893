package dev.propsops.gcp;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Firestore emulator on a free loopback port: started with a heap cap, ready when it answers
 * {@code Ok}, and always stopped: on {@link #close()}, and by a shutdown hook on an exception or Ctrl-C, so
 * no JVM is left behind.
 */
public final class FirestoreEmulator implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook;

    private FirestoreEmulator(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stopProcess, "firestore-emulator-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Finds the emulator, starts it and waits until it is ready. */
    public static FirestoreEmulator start(EmulatorLocator locator, EmulatorSettings settings) {
        Path jar = locator.emulatorJar();
        Path java = locator.java();
        OpsException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            // the port is free when chosen but may be taken before the emulator binds it: then try another
            try {
                return startOnce(java, jar, freePort(), settings);
            } catch (PortTakenException e) {
                last = e.failure;
            }
        }
        throw last;
    }

    /** host:port, the value FIRESTORE_EMULATOR_HOST takes. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Deletes every document of the project's default database: a clean slate between tests. */
    public void reset(String projectId) {
        URI uri = URI.create("http://" + hostPort() + "/emulator/v1/projects/" + projectId + "/databases/(default)/documents");
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).DELETE().timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("emulator reset answered HTTP " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not reset the Firestore emulator at " + hostPort(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting the emulator", e);
        }
    }

    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs or ran
        }
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static FirestoreEmulator startOnce(Path java, Path jar, int port, EmulatorSettings settings) {
        Path log;
        Process process;
        try {
            log = Files.createTempFile("props-ops-firestore-emulator-", ".log");
            List<String> command = List.of(java.toString(), "-Xmx" + settings.heap(), "-cp", jar.toString(),
                    "com.google.cloud.datastore.emulator.firestore.CloudFirestore", "start",
                    "--host=127.0.0.1", "--port=" + port);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new OpsException(ExitCode.FAILED, "could not start the Firestore emulator (" + jar + "): " + e.getMessage(),
                    EmulatorLocator.INSTALL_HINT, e);
        }
        FirestoreEmulator emulator = new FirestoreEmulator(process, port, log);
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String output = emulator.logTail();
                emulator.close();
                OpsException failure = new OpsException(ExitCode.FAILED, "the Firestore emulator exited at start (exit "
                        + process.exitValue() + "): " + output, "see the emulator's output above; check `java -version` (17+)");
                if (output.contains("Address already in use") || output.contains("BindException")) {
                    throw new PortTakenException(failure);
                }
                throw failure;
            }
            if (emulator.answersOk()) {
                return emulator;
            }
            sleep(100);
        }
        String output = emulator.logTail();
        emulator.close();
        throw new OpsException(ExitCode.FAILED, "the Firestore emulator did not become ready within "
                + settings.startTimeout().toSeconds() + "s on " + "127.0.0.1:" + port + ": " + output,
                "raise ops.gcp.emulator.start-timeout, or check that the machine is not out of memory");
    }

    private boolean answersOk() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + hostPort() + "/"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().trim().equals("Ok");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new OpsException(ExitCode.FAILED, "no free loopback port for the Firestore emulator: " + e.getMessage(), null, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException(ExitCode.FAILED, "interrupted while waiting for the Firestore emulator", null, e);
        }
    }

    private static final class PortTakenException extends RuntimeException {
        final OpsException failure;

        PortTakenException(OpsException failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }
}
