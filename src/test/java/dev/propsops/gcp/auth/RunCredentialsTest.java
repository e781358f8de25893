package dev.propsops.gcp.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.auth.oauth2.GoogleCredentials;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import dev.propsops.testing.CredentialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credentials of a run, resolved with real files and Google's real auth library; token refreshes go
 * to WireMock standing in for oauth2.googleapis.com. Every failure must come within 5 seconds, with its
 * own message and fix.
 */
class RunCredentialsTest {
    private static final Duration FAST = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private WireMockServer tokens;
    private Path home;

    @BeforeEach
    void start() throws Exception {
        tokens = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        tokens.start();
        home = Files.createDirectories(dir.resolve("home"));
    }

    @AfterEach
    void stop() {
        tokens.stop();
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private OpsException failure(Map<String, String> env) {
        assumeNotOnGoogleCloud(env);
        return assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(OpsException.class,
                () -> new RunCredentials(env, Duration.ofSeconds(2)).verified()));
    }

    private static void assumeNotOnGoogleCloud(Map<String, String> env) {
        Assumptions.assumeTrue(AdcSource.onGoogleCloud(Map.of()).isEmpty(),
                "this machine looks like Google Cloud (DMI product name), so 'no credentials' cannot be tested here");
    }

    private String tokenUri() {
        return tokens.baseUrl() + "/token";
    }

    @Test
    void noCredentialsAnywhereSaysSoAndHowToLogIn() {
        OpsException e = failure(env());
        assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(e.getMessage()).contains("no Application Default Credentials", "GOOGLE_APPLICATION_CREDENTIALS is not set",
                home.resolve(".config/gcloud/application_default_credentials.json").toString());
        assertThat(e.fix()).get().asString().contains("gcloud auth application-default login");
    }

    @Test
    void aMissingKeyFileIsNamed() {
        OpsException e = failure(env("GOOGLE_APPLICATION_CREDENTIALS", "/nonexistent.json"));
        assertThat(e.getMessage()).isEqualTo("GOOGLE_APPLICATION_CREDENTIALS=/nonexistent.json: the file does not exist");
        assertThat(e.fix()).get().asString().contains("GOOGLE_APPLICATION_CREDENTIALS", "gcloud auth application-default login");
    }

    @Test
    void aDirectoryOrUnreadableFileIsNamed() throws Exception {
        OpsException dirFailure = failure(env("GOOGLE_APPLICATION_CREDENTIALS", dir.toString()));
        assertThat(dirFailure.getMessage()).contains(dir.toString(), "is a directory");

        Path locked = CredentialFiles.user(dir.resolve("locked"), tokenUri());
        Assumptions.assumeTrue(locked.toFile().setReadable(false, false) && !Files.isReadable(locked),
                "running as root: a chmod 000 file stays readable, so the unreadable-file case cannot be made here");
        OpsException e = failure(env("GOOGLE_APPLICATION_CREDENTIALS", locked.toString()));
        assertThat(e.getMessage()).contains(locked.toString(), "cannot be read");
    }

    @Test
    void aKeyFileWithoutItsFieldsNamesTheMissingOnes() {
        Path bad = CredentialFiles.write(dir.resolve("bad.json"), "{\"type\": \"service_account\"}");
        OpsException e = failure(env("GOOGLE_APPLICATION_CREDENTIALS", bad.toString()));
        assertThat(e.getMessage()).contains(bad.toString(), "service_account", "'client_email'", "'private_key'");
        assertThat(e.getMessage()).doesNotContainIgnoringCase("NullPointer");

        Path oneMissing = CredentialFiles.write(dir.resolve("user.json"),
                "{\"type\":\"authorized_user\",\"client_id\":\"c\",\"client_secret\":\"s\"}");
        assertThat(failure(env("GOOGLE_APPLICATION_CREDENTIALS", oneMissing.toString())).getMessage())
                .endsWith("is a authorized_user file without 'refresh_token'");
    }

    @Test
    void notJsonNoTypeAndUnknownTypesAreEachExplained() {
        Path notJson = CredentialFiles.write(dir.resolve("a.json"), "type = service_account\n");
        assertThat(failure(env("GOOGLE_APPLICATION_CREDENTIALS", notJson.toString())).getMessage()).contains("is not JSON");
        Path array = CredentialFiles.write(dir.resolve("b.json"), "[1, 2]");
        assertThat(failure(env("GOOGLE_APPLICATION_CREDENTIALS", array.toString())).getMessage()).contains("not a JSON object");
        Path noType = CredentialFiles.write(dir.resolve("c.json"), "{\"client_email\": \"x@y\"}");
        assertThat(failure(env("GOOGLE_APPLICATION_CREDENTIALS", noType.toString())).getMessage()).contains("no 'type' field");
        Path unknown = CredentialFiles.write(dir.resolve("d.json"), "{\"type\": \"api_key\"}");
        assertThat(failure(env("GOOGLE_APPLICATION_CREDENTIALS", unknown.toString())).getMessage())
                .contains("type 'api_key'", "authorized_user", "service_account");
    }

    @Test
    void aRefusedUserRefreshSaysInvalidGrantAndToLogInAgain() {
        tokens.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}")));
        CredentialFiles.user(home.resolve(".config/gcloud"), tokenUri());
        OpsException e = failure(env());
        assertThat(e.getMessage()).contains("refused", "invalid_grant", "Token has been expired or revoked.",
                "gcloud's ADC file");
        assertThat(e.fix()).get().asString().contains("gcloud auth application-default login");
        tokens.verify(1, postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void aRefusedServiceAccountKeySaysInvalidGrant() {
        tokens.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT Signature.\"}")));
        Path key = CredentialFiles.serviceAccount(dir, tokenUri());
        OpsException e = failure(env("GOOGLE_APPLICATION_CREDENTIALS", key.toString()));
        assertThat(e.getMessage()).contains("invalid_grant", "Invalid JWT Signature.", key.toString());
        assertThat(e.fix()).get().asString().contains("key still exists");
    }

    @Test
    void anUnreachableTokenServerIsANetworkError() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path key = CredentialFiles.user(dir, "http://127.0.0.1:" + closed + "/token");
        OpsException e = failure(env("GOOGLE_APPLICATION_CREDENTIALS", key.toString()));
        assertThat(e.getMessage()).contains("could not reach the token server", "ConnectException");
        assertThat(e.fix()).get().asString().contains("network");
    }

    @Test
    void aTokenServerThatHangsIsCutOffInTime() {
        tokens.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withFixedDelay(20_000).withStatus(200)));
        Path key = CredentialFiles.user(dir, tokenUri());
        OpsException e = failure(env("GOOGLE_APPLICATION_CREDENTIALS", key.toString()));
        assertThat(e.getMessage()).contains("got no answer within 2s");
    }

    @Test
    void goodCredentialsAreResolvedOnceWithAToken() {
        tokens.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\": \"ya29.test\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}")));
        Path key = CredentialFiles.serviceAccount(dir, tokenUri());
        RunCredentials run = new RunCredentials(env("GOOGLE_APPLICATION_CREDENTIALS", key.toString()), Duration.ofSeconds(2));
        GoogleCredentials first = run.verified();
        GoogleCredentials second = run.verified();
        assertThat(second).isSameAs(first);
        assertThat(first.getAccessToken().getTokenValue()).isEqualTo("ya29.test");
        assertThat(run.projectId()).contains("nba-props-platform");
        tokens.verify(1, postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void gcloudsFilesAreFoundInCloudsdkConfigToo() {
        Path config = dir.resolve("sdk-config");
        CredentialFiles.user(config, tokenUri());
        CredentialFiles.write(config.resolve("active_config"), "work\n");
        CredentialFiles.write(config.resolve("configurations/config_work"), "[core]\naccount = a@b.c\nproject = nba-props-dev\n");
        Map<String, String> env = env("CLOUDSDK_CONFIG", config.toString());
        assertThat(AdcSource.locate(env)).isEqualTo(new AdcSource.File(config.resolve("application_default_credentials.json"), false));
        assertThat(GcloudConfig.project(env)).contains("nba-props-dev");
        assertThat(new RunCredentials(env, Duration.ofSeconds(2)).projectId()).contains("nba-props-platform");
    }

    @Test
    void cloudRunUsesTheMetadataServer() {
        assertThat(AdcSource.locate(Map.of("CLOUD_RUN_JOB", "props-ops-nba-drift-check", "HOME", home.toString())))
                .isInstanceOf(AdcSource.MetadataServer.class);
    }
}
