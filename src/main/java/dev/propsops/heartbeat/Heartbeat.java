package dev.propsops.heartbeat;

import dev.propsops.cli.OpsException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** One beat of one processor. The processor name is the document id, so it must be a valid one. */
public record Heartbeat(String processor, HeartbeatStatus status, Optional<String> runId, Optional<LocalDate> dataDate,
        Optional<String> message, Optional<Duration> expectedInterval) {

    public Heartbeat {
        Objects.requireNonNull(status, "status");
        DocumentIds.violation(processor).ifPresent(rule -> {
            throw OpsException.usage("processor name '" + abbreviate(processor) + "' cannot be a Firestore document id: " + rule,
                    "use the processor's plain name, e.g. nba-phase3-analytics-processors (the id must never carry a date or run id)");
        });
        runId = runId.filter(r -> !r.isBlank());
        message = message.filter(m -> !m.isBlank());
        expectedInterval.ifPresent(d -> {
            if (d.isZero() || d.isNegative()) {
                throw OpsException.usage("--expected-interval must be positive, was " + d);
            }
        });
    }

    public static Heartbeat of(String processor, HeartbeatStatus status) {
        return new Heartbeat(processor, status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
