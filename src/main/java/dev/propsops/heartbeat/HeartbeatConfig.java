package dev.propsops.heartbeat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code ops.heartbeat.*}: where heartbeats live, what "on time" means, and how the cleanup and monitor run. */
@ConfigMapping(prefix = "ops.heartbeat")
public interface HeartbeatConfig {
    /** The collection with one document per processor. */
    @WithDefault("processor_heartbeats")
    String collection();

    /** How often a processor is expected to beat when its doc does not say (daily processors: 26h). */
    @WithDefault("26h")
    Duration defaultExpectedInterval();

    Cleanup cleanup();

    Monitor monitor();

    /** {@code ops.heartbeat.cleanup.*} */
    interface Cleanup {
        /** Legacy docs written more recently than this belong to runs in flight and are kept. */
        @WithDefault("1h")
        Duration minAge();

        /** Processors silent for longer than this are retired. */
        @WithDefault("30d")
        Duration retireAfter();

        /** The run stops before any delete when its plan deletes more than this. */
        @WithDefault("250000")
        long maxDeletes();

        /**
         * Cap on write operations per second when --max-ops-per-second is not given: the start of the
         * 500/50/5 ramp on production Firestore; 0 = unlimited.
         */
        @WithDefault("500")
        double opsPerSecond();

        /** The ramp grows the cap by 50% every 5 minutes up to this. */
        @WithDefault("10000")
        double opsPerSecondCeiling();

        /**
         * Documents per scan query. Pages are streamed through a small queue, so memory does not depend on
         * this; fewer, larger queries are faster (on the emulator every query is a pass over the collection).
         */
        @WithDefault("1000000")
        int pageSize();

        /** Deletes per batch commit (smaller under a rate limit: a quarter of the per-second cap). */
        @WithDefault("1000")
        int batchSize();

        /** Batch commits in flight. */
        @WithDefault("8")
        int concurrency();

        /** Attempts per commit on a transient error (UNAVAILABLE, ABORTED, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED). */
        @WithDefault("6")
        int maxAttempts();

        @WithDefault("250ms")
        Duration initialBackoff();

        @WithDefault("8s")
        Duration maxBackoff();
    }

    /** {@code ops.heartbeat.monitor.*} */
    interface Monitor {
        /** Collection size bound: more docs than this means the proliferation is back. */
        @WithDefault("50")
        long maxDocs();

        /** Health score (0-100) under which the monitor reports a critical finding. */
        @WithDefault("70")
        int minScore();

        /** A processor whose legacy docs carry a heartbeat this recent still runs the old writer. */
        @WithDefault("24h")
        Duration legacyWindow();

        /**
         * Up to this many docs the monitor reads the whole collection; above, it reads canonical docs and one
         * doc per block of legacy docs (same processor and date), so its cost does not grow with them.
         */
        @WithDefault("5000")
        long fullReadLimit();
    }
}
