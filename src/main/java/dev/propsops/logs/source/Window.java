package dev.propsops.logs.source;

import java.time.Duration;
import java.time.Instant;

/** A time window [from, to): what is triaged, or the baseline it is compared with. */
public record Window(Instant from, Instant to) {
    public Window {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a window ends after it starts: " + from + " .. " + to);
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The window of the same length just before this one. */
    public Window previous() {
        return new Window(from.minus(length()), from);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    public double hours() {
        return length().toMillis() / 3_600_000.0;
    }

    @Override
    public String toString() {
        return from + " .. " + to;
    }
}
