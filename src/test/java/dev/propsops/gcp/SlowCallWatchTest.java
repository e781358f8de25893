package dev.propsops.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.BigQueryException;
import dev.propsops.cli.Invocation;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The notice that a call is still retrying: when it speaks, what it says, and that it speaks once per streak. */
class SlowCallWatchTest {
    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Invocation invocation = new Invocation(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
            new BufferedReader(new StringReader("")), Map.of(), Clock.systemUTC(), false);

    private SlowCallWatch watch() {
        return new SlowCallWatch("firestore.googleapis.com:443", Duration.ofSeconds(60), "ops.gcp.firestore.rpc-timeout",
                invocation.log(), now::get, false);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void aStreakOfFailuresIsReportedOnceAfterFiveSecondsWithHostErrorAndTimeLeft() {
        SlowCallWatch w = watch();
        w.attemptEnded(w.attemptStarted(), "UNAVAILABLE: Unable to resolve host firestore.googleapis.com");
        advance(Duration.ofSeconds(4));
        w.check();
        assertThat(err.toString()).isEmpty();
        advance(Duration.ofSeconds(2));
        w.failed("UNAVAILABLE: Unable to resolve host firestore.googleapis.com");
        w.check();
        w.check();
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .isEqualTo("warning: still trying firestore.googleapis.com:443: failing for 6s (last error: UNAVAILABLE: "
                        + "Unable to resolve host firestore.googleapis.com); the client retries and gives up in about 54s "
                        + "(ops.gcp.firestore.rpc-timeout=60s)");
    }

    @Test
    void aSuccessEndsTheStreakAndANewStreakIsReportedAgain() {
        SlowCallWatch w = watch();
        w.failed("UNAVAILABLE");
        advance(Duration.ofSeconds(3));
        w.attemptEnded(w.attemptStarted(), null);
        advance(Duration.ofSeconds(3));
        w.check();
        assertThat(err.toString()).isEmpty();
        w.failed("DEADLINE_EXCEEDED");
        advance(Duration.ofSeconds(5));
        w.check();
        assertThat(err.toString()).contains("DEADLINE_EXCEEDED");
        w.succeeded();
        w.failed("UNAVAILABLE: again");
        advance(Duration.ofSeconds(6));
        w.check();
        assertThat(err.toString().lines()).hasSize(2);
    }

    @Test
    void anAttemptWithoutAnAnswerIsReported() {
        SlowCallWatch w = watch();
        long attempt = w.attemptStarted();
        advance(Duration.ofSeconds(7));
        w.check();
        assertThat(err.toString()).contains("no answer for 7s", "gives up in about 53s");
        SlowCallWatch answered = watch();
        long a = answered.attemptStarted();
        answered.answered(a);
        advance(Duration.ofSeconds(30));
        answered.check();
        assertThat(err.toString().lines()).hasSize(1);
        w.attemptEnded(attempt, null);
    }

    @Test
    void bigQueryRetriesFeedTheWatch() {
        SlowCallWatch w = watch();
        TransientErrorRetry retry = new TransientErrorRetry(w);
        assertThat(retry.shouldRetry(new BigQueryException(503, "backend unavailable"), null)).isTrue();
        assertThat(retry.shouldRetry(new BigQueryException(403, "access denied"), null)).isFalse();
        advance(Duration.ofSeconds(5));
        w.check();
        assertThat(err.toString()).contains("backend unavailable").doesNotContain("access denied");
    }
}
