package dev.propsops.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {
    @Test
    void defaultsAreGooglesEndpoints() {
        Endpoint logging = Endpoint.defaultOf(GoogleApi.LOGGING);
        assertThat(logging.hostPort()).isEqualTo("logging.googleapis.com:443");
        assertThat(logging.plaintext()).isFalse();
        assertThat(logging.overridden()).isFalse();
        assertThat(Endpoint.defaultOf(GoogleApi.RUN).url()).isEqualTo("https://run.googleapis.com");
        assertThat(Endpoint.defaultOf(GoogleApi.BIGQUERY).hostPort()).isEqualTo("bigquery.googleapis.com:443");
    }

    @Test
    void anHttpOverrideIsALocalStandInWithoutTls() {
        Endpoint e = new Endpoint(GoogleApi.MONITORING, Optional.of("http://127.0.0.1:8089/"));
        assertThat(e.plaintext()).isTrue();
        assertThat(e.hostPort()).isEqualTo("127.0.0.1:8089");
        assertThat(e.url()).isEqualTo("http://127.0.0.1:8089");
        assertThat(e.describe()).isEqualTo("http://127.0.0.1:8089/ (ops.gcp.monitoring.endpoint)");
    }

    @Test
    void aHostPortOrHttpsOverrideIsAPrivateEndpointWithTls() {
        Endpoint grpc = new Endpoint(GoogleApi.LOGGING, Optional.of("logging.p.googleapis.com:443"));
        assertThat(grpc.plaintext()).isFalse();
        assertThat(grpc.hostPort()).isEqualTo("logging.p.googleapis.com:443");
        assertThat(grpc.url()).isEqualTo("https://logging.p.googleapis.com:443");
        Endpoint http = new Endpoint(GoogleApi.RUN, Optional.of("https://run.p.googleapis.com"));
        assertThat(http.hostPort()).isEqualTo("run.p.googleapis.com:443");
        assertThat(new Endpoint(GoogleApi.RUN, Optional.of("  "))).isEqualTo(Endpoint.defaultOf(GoogleApi.RUN));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://x", "http://", "::", "a b:1" })
    void nonsenseIsAConfigurationErrorNamingTheKey(String value) {
        assertThatThrownBy(() -> new Endpoint(GoogleApi.STORAGE, Optional.of(value)))
                .isInstanceOfSatisfying(OpsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("ops.gcp.storage.endpoint");
                });
    }
}
