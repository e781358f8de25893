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

    interface Firestore {
        /** Firestore database id. */
        @WithDefault("(default)")
        String database();

        /** Overall deadline of one Firestore call, retries included. */
        @WithDefault("60s")
        Duration rpcTimeout();
    }

    interface BigQuery {
        /** Root URL override (tests point it at WireMock). */
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
        return new BigQuerySettings(b.host(), b.location(), b.maxAttempts(), b.initialBackoff(), b.maxBackoff());
    }

    default EmulatorSettings emulatorSettings() {
        return new EmulatorSettings(emulator().heap(), emulator().startTimeout());
    }
}
