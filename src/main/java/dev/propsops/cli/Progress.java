package dev.propsops.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress of long work. On a terminal: one live line, redrawn at most ten times a second. Elsewhere (a
 * pipe, Cloud Run): a log line every few seconds, so a job's log shows it is alive and how fast it goes.
 * Thread-safe: workers call {@link #add(long)} from any thread.
 */
public final class Progress implements AutoCloseable {
    static final long LIVE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final String label;
    private final String unit;
    private final long total;
    private final boolean live;
    private final PrintWriter err;
    private final OpsLog log;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastShownNanos;
    private volatile boolean closed;

    Progress(String label, String unit, long total, Invocation invocation, LongSupplier nanoTime) {
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.live = invocation.interactive();
        this.err = invocation.err();
        this.log = invocation.log();
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.lastShownNanos = new AtomicLong(startNanos);
    }

    /**
     * Starts progress for {@code total} units of work; a total of 0 or less means unknown.
     */
    public static Progress start(Invocation invocation, String label, String unit, long total) {
        return new Progress(label, unit, total, invocation, System::nanoTime);
    }

    public void add(long units) {
        long now = done.addAndGet(units);
        long t = nanoTime.getAsLong();
        long last = lastShownNanos.get();
        long every = live ? LIVE_EVERY_NANOS : LOG_EVERY_NANOS;
        if (t - last >= every && lastShownNanos.compareAndSet(last, t)) {
            show(now, t, false);
        }
    }

    public long done() {
        return done.get();
    }

    /** Ends the live line (or writes a final log line) once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t = nanoTime.getAsLong();
        if (live || t - startNanos >= LOG_EVERY_NANOS) {
            show(done.get(), t, true);
        }
    }

    private void show(long count, long t, boolean last) {
        double seconds = Math.max(1e-9, (t - startNanos) / 1e9);
        double rate = count / seconds;
        String text = String.format(Locale.ROOT, "%s: %,d%s %s (%,.0f/s, %.1fs)", label, count,
                total > 0 ? String.format(Locale.ROOT, "/%,d", total) : "", unit, rate, seconds);
        if (live) {
            synchronized (err) {
                err.print("\r\u001b[2K" + text + (last ? System.lineSeparator() : ""));
                err.flush();
            }
        } else {
            ObjectNode fields = Json.object();
            fields.put("progress_label", label);
            fields.put("progress_done", count);
            if (total > 0) {
                fields.put("progress_total", total);
            }
            fields.put("progress_rate_per_second", Math.round(rate));
            log.progress(text, fields);
        }
    }
}
