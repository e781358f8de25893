package dev.propsops.gcp;

import dev.propsops.cli.OpsLog;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Says on stderr when calls to one API have been failing or unanswered for a while, instead of leaving a
 * person in front of a silent terminal while the client library retries: which host, which error, and how
 * long until it gives up. Client adapters report each attempt (gRPC and HttpJson interceptors, BigQuery's
 * retry algorithm); a daemon timer looks every half second and speaks once per streak.
 */
public final class SlowCallWatch implements AutoCloseable {
    /** How long a streak of failures, or an unanswered attempt, lasts before it is reported. */
    public static final Duration NOTICE_AFTER = Duration.ofSeconds(5);

    private final String host;
    private final Duration givesUpAfter;
    private final String givesUpKey;
    private final OpsLog log;
    private final LongSupplier nanoTime;
    private final Map<Long, Long> unanswered = new ConcurrentHashMap<>();
    private final AtomicLong nextAttempt = new AtomicLong();
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> tick;
    private volatile long streakStart = -1;
    private volatile String lastError;
    private volatile boolean announced;

    SlowCallWatch(String host, Duration givesUpAfter, String givesUpKey, OpsLog log, LongSupplier nanoTime, boolean autoTick) {
        this.host = host;
        this.givesUpAfter = givesUpAfter;
        this.givesUpKey = givesUpKey;
        this.log = log;
        this.nanoTime = nanoTime;
        if (autoTick) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "props-ops-slow-call-watch");
                t.setDaemon(true);
                return t;
            });
            tick = timer.scheduleWithFixedDelay(this::check, 500, 500, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
            tick = null;
        }
    }

    /** A watch on {@code host}; {@code givesUpAfter} and its configuration key are what the notice quotes. */
    public static SlowCallWatch start(String host, Duration givesUpAfter, String givesUpKey, OpsLog log) {
        return new SlowCallWatch(host, givesUpAfter, givesUpKey, log, System::nanoTime, true);
    }

    /** An attempt went out; returns its handle. */
    public long attemptStarted() {
        long id = nextAttempt.incrementAndGet();
        unanswered.put(id, nanoTime.getAsLong());
        return id;
    }

    /** The attempt got an answer (a message, headers): it is alive. */
    public void answered(long attempt) {
        unanswered.remove(attempt);
    }

    /** The attempt ended; {@code error} is null when it succeeded. */
    public void attemptEnded(long attempt, String error) {
        unanswered.remove(attempt);
        if (error == null) {
            succeeded();
        } else {
            failed(error);
        }
    }

    /** A failure the client will retry (or give up on). */
    public void failed(String error) {
        lastError = error;
        if (streakStart < 0) {
            streakStart = nanoTime.getAsLong();
        }
    }

    public void succeeded() {
        streakStart = -1;
        lastError = null;
        announced = false;
    }

    /** Looks once; the timer calls this, tests call it directly. */
    void check() {
        if (announced) {
            return;
        }
        long now = nanoTime.getAsLong();
        long since = streakStart;
        String what;
        if (since >= 0 && now - since >= NOTICE_AFTER.toNanos()) {
            what = "failing for " + seconds(now - since) + " (last error: " + lastError + ")";
        } else {
            long oldest = unanswered.values().stream().mapToLong(Long::longValue).min().orElse(-1);
            if (oldest < 0 || now - oldest < NOTICE_AFTER.toNanos()) {
                return;
            }
            since = oldest;
            what = "no answer for " + seconds(now - oldest);
        }
        announced = true;
        long left = Math.max(0, givesUpAfter.toNanos() - (now - since));
        log.warn("still trying " + host + ": " + what + "; the client retries and gives up in about "
                + seconds(left) + " (" + givesUpKey + "=" + givesUpAfter.toSeconds() + "s)");
    }

    private static String seconds(long nanos) {
        return Math.round(nanos / 1e9) + "s";
    }

    @Override
    public void close() {
        if (tick != null) {
            tick.cancel(false);
            timer.shutdownNow();
        }
    }
}
