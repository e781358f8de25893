package dev.propsops.heartbeat.cleanup;

import java.time.Duration;

/**
 * How many write operations per second a run may send, over time. Firestore's guidance for traffic to a
 * collection (the "500/50/5 rule") is to start at no more than 500 operations per second and to grow by
 * at most 50% every 5 minutes; {@link #firestoreRamp(double)} follows it, {@link #fixed(double)} pins a cap,
 * and {@link #unlimited()} is for emulators, which have no such limits.
 */
public record RateLimit(double initialPerSecond, double growth, Duration growEvery, double ceilingPerSecond) {
    public static final double RAMP_START = 500;
    public static final double RAMP_GROWTH = 1.5;
    public static final Duration RAMP_EVERY = Duration.ofMinutes(5);

    public RateLimit {
        if (initialPerSecond < 0 || ceilingPerSecond < 0 || growth < 1 || growEvery.isNegative() || growEvery.isZero()) {
            throw new IllegalArgumentException("invalid rate limit");
        }
    }

    public static RateLimit unlimited() {
        return new RateLimit(0, 1, RAMP_EVERY, 0);
    }

    public static RateLimit fixed(double perSecond) {
        return new RateLimit(perSecond, 1, RAMP_EVERY, perSecond);
    }

    /** 500/s, then 50% more every 5 minutes, up to {@code ceiling}. */
    public static RateLimit firestoreRamp(double ceiling) {
        return new RateLimit(Math.min(RAMP_START, ceiling), RAMP_GROWTH, RAMP_EVERY, ceiling);
    }

    public boolean isUnlimited() {
        return initialPerSecond == 0;
    }

    /** The allowed rate {@code elapsed} after the start. */
    public double rateAt(Duration elapsed) {
        if (isUnlimited()) {
            return Double.POSITIVE_INFINITY;
        }
        long steps = elapsed.toNanos() / growEvery.toNanos();
        double rate = initialPerSecond * Math.pow(growth, Math.min(steps, 200));
        return Math.min(rate, ceilingPerSecond);
    }

    /** This task's part of the limit when {@code tasks} tasks share it. */
    public RateLimit dividedAmong(int tasks) {
        if (isUnlimited() || tasks <= 1) {
            return this;
        }
        return new RateLimit(initialPerSecond / tasks, growth, growEvery, ceilingPerSecond / tasks);
    }

    public String describe() {
        if (isUnlimited()) {
            return "unlimited";
        }
        if (growth == 1) {
            return String.format(java.util.Locale.ROOT, "%,.0f ops/s", initialPerSecond);
        }
        return String.format(java.util.Locale.ROOT, "%,.0f ops/s, +%.0f%% every %d min, up to %,.0f ops/s",
                initialPerSecond, (growth - 1) * 100, growEvery.toMinutes(), ceilingPerSecond);
    }
}
