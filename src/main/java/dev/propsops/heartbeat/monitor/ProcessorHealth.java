package dev.propsops.heartbeat.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One processor as the monitor sees it.
 *
 * @param lateBy how far past its expected interval the last beat is (negative: time left)
 * @param notes what was odd about its doc (mistyped fields)
 */
public record ProcessorHealth(String processor, ProcessorState state, Optional<String> status, Optional<Instant> lastBeat,
        Optional<Duration> age, Duration expectedInterval, Optional<Duration> lateBy, List<String> notes) {
}
