package dev.propsops.gcp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code ops.gcp.*}: how props-ops reaches Google Cloud. Every key is overridable by environment variable. */
@ConfigMapping(prefix = "ops.gcp")
public interface GcpConfig {
    /** Project used when neither --project nor GOOGLE_CLOUD_PROJECT is given. */
    Optional<String> project();

    Firestore firestore();

    BigQuery bigquery();

    Emulator emulator();

    /** Cloud Logging (log-triage). */
    Api logging();

    /** Cloud Run Admin API v2. */
    Api run();

    /** Cloud Monitoring (metric export, bucket sizes). */
    Api monitoring();

    /** Cloud Storage JSON API. */
    Api storage();

    /** Cloud Billing (a project's billing account). */
    Api billing();

    /** Cloud Billing Budgets. */
    Api budgets();

    /** What every API has: where its client goes, and how long one call may take, retries included. */
    interface Api {
        /**
         * Endpoint override: {@code host:port} or {@code https://host} (e.g. a private endpoint, with
         * credentials), or {@code http://host:port} for a local stand-in (plain text, no credentials).
         */
        Optional<String> endpoint();

        @WithDefault("60s")
        Duration timeout();
    }

    interface Firestore {
        /** Endpoint override (see {@link Api#endpoint()}); FIRESTORE_EMULATOR_HOST still names an emulator. */
        Optional<String> endpoint();

        /** Firestore database id. */
        @WithDefault("(default)")
        String database();

        /** Overall deadline of one Firestore call, retries included. */
        @WithDefault("60s")
        Duration rpcTimeout();
    }

    interface BigQuery {
        /** Root URL override (see {@link Api#endpoint()}; tests point it at WireMock). */
        Optional<String> endpoint();

        /** The former name of {@link #endpoint()}, still read. */
        @Deprecated
        Optional<String> host();

        /** Location of the platform's datasets and jobs. */
        @WithDefault("us-west2")
        String location();

        /** Attempts per call, the first included, for HTTP 429 and 5xx. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("16s")
        Duration maxBackoff();
    }

    interface Emulator {
        /** Heap cap of a Firestore emulator that props-ops starts (it grows past 2 GB without one). */
        @WithDefault("512m")
        String heap();

        @WithDefault("60s")
        Duration startTimeout();
    }

    default FirestoreSettings firestoreSettings() {
        return new FirestoreSettings(firestore().database(), firestore().rpcTimeout());
    }

    default BigQuerySettings bigQuerySettings() {
        BigQuery b = bigquery();
        return new BigQuerySettings(b.endpoint().or(b::host), b.location(), b.maxAttempts(), b.initialBackoff(), b.maxBackoff());
    }

    default EmulatorSettings emulatorSettings() {
        return new EmulatorSettings(emulator().heap(), emulator().startTimeout());
    }

    /** The endpoint override of one API, from {@code ops.gcp.<api>.endpoint}. */
    default Endpoint endpoint(GoogleApi api) {
        Optional<String> override = switch (api) {
            case FIRESTORE -> firestore().endpoint();
            case BIGQUERY -> bigquery().endpoint().or(() -> bigquery().host());
            case LOGGING -> logging().endpoint();
            case RUN -> run().endpoint();
            case MONITORING -> monitoring().endpoint();
            case STORAGE -> storage().endpoint();
            case BILLING -> billing().endpoint();
            case BUDGETS -> budgets().endpoint();
        };
        return new Endpoint(api, override);
    }

    /** How long one call of the API may take, retries included, and the key that says so. */
    default Duration timeout(GoogleApi api) {
        return switch (api) {
            case FIRESTORE -> firestore().rpcTimeout();
            case BIGQUERY -> Duration.ofMinutes(10);
            case LOGGING -> logging().timeout();
            case RUN -> run().timeout();
            case MONITORING -> monitoring().timeout();
            case STORAGE -> storage().timeout();
            case BILLING -> billing().timeout();
            case BUDGETS -> budgets().timeout();
        };
    }

    static String timeoutKey(GoogleApi api) {
        return switch (api) {
            case FIRESTORE -> "ops.gcp.firestore.rpc-timeout";
            case BIGQUERY -> "ops.gcp.bigquery.max-attempts";
            default -> "ops.gcp." + api.key() + ".timeout";
        };
    }
}
