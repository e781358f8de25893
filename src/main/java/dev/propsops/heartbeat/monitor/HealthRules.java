package dev.propsops.heartbeat.monitor;

import dev.propsops.heartbeat.HeartbeatFields;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The monitor's rules, pure: the state of a processor from its canonical doc, and the health score.
 *
 * <p>State: {@code failed} when the last beat says so; otherwise by the age of {@code last_heartbeat}
 * against the doc's {@code expected_interval_seconds} (or the configured default): {@code ok} within it,
 * {@code late} within twice it, {@code stale} beyond, or when there is no usable {@code last_heartbeat}.
 *
 * <p>Score: the mean of the processors' weights (ok 1, late 0.5, stale, failed and missing 0) times 100,
 * rounded; none when there are no processors.
 */
public final class HealthRules {
    private final Instant now;
    private final Duration defaultInterval;

    public HealthRules(Instant now, Duration defaultInterval) {
        this.now = now;
        this.defaultInterval = defaultInterval;
    }

    public ProcessorHealth assess(String processor, MonitorDoc canonical) {
        List<String> notes = new ArrayList<>();
        Duration interval = interval(canonical.expectedIntervalSeconds(), notes);
        Optional<String> status = Optional.empty();
        if (canonical.status() instanceof String s) {
            status = Optional.of(s);
        } else if (canonical.status() != null) {
            notes.add(HeartbeatFields.STATUS + " is not a string");
        }
        Optional<Instant> beat = canonical.doc().lastBeat();
        if (beat.isEmpty()) {
            notes.add(canonical.doc().lastHeartbeat() == null ? "no " + HeartbeatFields.LAST_HEARTBEAT
                    : HeartbeatFields.LAST_HEARTBEAT + " is not a timestamp");
        }
        Optional<Duration> age = beat.map(b -> Duration.between(b, now));
        Optional<Duration> lateBy = age.map(a -> a.minus(interval));
        ProcessorState state;
        if (status.filter("failed"::equals).isPresent()) {
            state = ProcessorState.failed;
        } else if (age.isEmpty()) {
            state = ProcessorState.stale;
        } else if (age.get().compareTo(interval) <= 0) {
            state = ProcessorState.ok;
        } else if (age.get().compareTo(interval.multipliedBy(2)) <= 0) {
            state = ProcessorState.late;
        } else {
            state = ProcessorState.stale;
        }
        return new ProcessorHealth(processor, state, status, beat, age, interval, lateBy, notes);
    }

    /** A processor with legacy docs and no canonical doc. */
    public ProcessorHealth missing(String processor) {
        return new ProcessorHealth(processor, ProcessorState.missing, Optional.empty(), Optional.empty(), Optional.empty(),
                defaultInterval, Optional.empty(), List.of("no canonical doc: only legacy per-run docs"));
    }

    public static OptionalInt score(Collection<ProcessorHealth> processors) {
        if (processors.isEmpty()) {
            return OptionalInt.empty();
        }
        double sum = processors.stream().mapToDouble(p -> p.state().weight()).sum();
        return OptionalInt.of((int) Math.round(100 * sum / processors.size()));
    }

    private Duration interval(Object value, List<String> notes) {
        if (value == null) {
            return defaultInterval;
        }
        if (value instanceof Number n && n.doubleValue() > 0) {
            return Duration.ofSeconds(n.longValue() > 0 ? n.longValue() : 1);
        }
        notes.add(HeartbeatFields.EXPECTED_INTERVAL_SECONDS + " is not a positive number: the default applies");
        return defaultInterval;
    }
}
