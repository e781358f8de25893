package dev.propsops.gcp.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.propsops.cli.ExitCode;
import dev.propsops.gcp.FirestoreEmulator;
import dev.propsops.testing.CliDriver;
import dev.propsops.testing.CredentialFiles;
import dev.propsops.testing.FirestoreEmulatorExtension;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The jobs as an on-call engineer meets them without working credentials: each case ends in seconds with
 * exit 1, one message that names the problem and its fix, and no Java stack trace. Real files, the real
 * auth library, WireMock as the token server.
 */
@QuarkusTest
class CredentialsCliTest {
    private static final long FAST_MILLIS = 5_000;

    @Inject
    CommandLine.IFactory factory;

    @TempDir
    Path dir;

    private CliDriver driver() throws Exception {
        Assumptions.assumeTrue(AdcSource.onGoogleCloud(Map.of()).isEmpty(), "this machine looks like Google Cloud");
        return new CliDriver(factory).env("HOME", Files.createDirectories(dir.resolve("home")).toString());
    }

    private static void assertFailsFastAndClean(CliDriver.Result r, long millis, String... expected) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(millis).as("took %d ms: %s", millis, r).isLessThan(FAST_MILLIS);
        assertThat(r.err()).as(r.toString()).startsWith("error: ").contains(expected).contains("  fix: ");
        assertThat(r.err()).as(r.toString()).doesNotContain("\tat ", "Exception in", "NullPointerException");
        assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).count()).as(r.toString()).isEqualTo(1);
    }

    private static long[] timed(Runnable run) {
        long t0 = System.nanoTime();
        run.run();
        return new long[] { (System.nanoTime() - t0) / 1_000_000 };
    }

    @ParameterizedTest
    @ValueSource(strings = { "heartbeat-monitor", "staging-prune --sport nba", "drift-check --sport nba --month 2026-01",
            "heartbeat --processor p --status running", "heartbeat-cleanup" })
    void noCredentials(String job) throws Exception {
        CliDriver d = driver();
        CliDriver.Result[] r = new CliDriver.Result[1];
        long ms = timed(() -> r[0] = d.run((job + " --project nba-props-platform").split(" ")))[0];
        assertFailsFastAndClean(r[0], ms, "no Application Default Credentials", "gcloud auth application-default login");
    }

    @ParameterizedTest
    @ValueSource(strings = { "heartbeat-monitor", "staging-prune --sport nba" })
    void aMissingKeyFile(String job) throws Exception {
        CliDriver d = driver().env("GOOGLE_APPLICATION_CREDENTIALS", "/nonexistent.json");
        CliDriver.Result[] r = new CliDriver.Result[1];
        long ms = timed(() -> r[0] = d.run((job + " --project nba-props-platform").split(" ")))[0];
        assertFailsFastAndClean(r[0], ms, "GOOGLE_APPLICATION_CREDENTIALS=/nonexistent.json", "does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = { "heartbeat-monitor", "staging-prune --sport nba" })
    void aMalformedKeyFileIsReportedOnceNotPerDataset(String job) throws Exception {
        Path bad = CredentialFiles.write(dir.resolve("key.json"), "{\"type\": \"service_account\"}");
        CliDriver d = driver().env("GOOGLE_APPLICATION_CREDENTIALS", bad.toString());
        CliDriver.Result[] r = new CliDriver.Result[1];
        long ms = timed(() -> r[0] = d.run((job + " --project nba-props-platform").split(" ")))[0];
        assertFailsFastAndClean(r[0], ms, bad.toString(), "'client_email'", "'private_key'");
        assertThat(r[0].out()).as("no report that could read as clean").doesNotContain("no table has a staging name");
    }

    @Test
    void aRefusedRefreshIsInvalidGrant() throws Exception {
        WireMockServer tokens = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        tokens.start();
        try {
            tokens.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}")));
            Path user = CredentialFiles.user(dir.resolve("adc"), tokens.baseUrl() + "/token");
            CliDriver d = driver().env("GOOGLE_APPLICATION_CREDENTIALS", user.toString());
            CliDriver.Result[] r = new CliDriver.Result[1];
            long ms = timed(() -> r[0] = d.run("heartbeat-monitor", "--project", "nba-props-platform"))[0];
            assertFailsFastAndClean(r[0], ms, "invalid_grant", "gcloud auth application-default login");
        } finally {
            tokens.stop();
        }
    }

    @Test
    @ExtendWith(FirestoreEmulatorExtension.class)
    void anEmulatorRunNeedsNoCredentials(FirestoreEmulator emulator) throws Exception {
        CliDriver.Result r = driver().env("GOOGLE_APPLICATION_CREDENTIALS", "/nonexistent.json")
                .env("FIRESTORE_EMULATOR_HOST", emulator.hostPort())
                .run("heartbeat", "--processor", "nba-phase3-analytics-processors", "--status", "completed");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).doesNotContain("credentials");
    }

    @Test
    void aProjectFromGcloudsConfigIsUsedWhenNoneIsGiven() throws Exception {
        CliDriver d = driver();
        Path config = dir.resolve("home/.config/gcloud");
        CredentialFiles.write(config.resolve("configurations/config_default"), "[core]\nproject = nba-props-dev\n");
        CliDriver.Result r = d.run("heartbeat-monitor");
        // the project is found (no "no Google Cloud project is set"), then the missing credentials are reported
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("no Application Default Credentials").doesNotContain("no Google Cloud project");
    }
}
