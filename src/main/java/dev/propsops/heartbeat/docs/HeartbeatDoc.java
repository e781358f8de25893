package dev.propsops.heartbeat.docs;

import java.time.Instant;
import java.util.Optional;

/**
 * The few facts of one heartbeat document that the jobs read: its id, the raw {@code processor_name} and
 * {@code last_heartbeat} values (any type: documents written by others may carry anything; a Firestore
 * timestamp arrives as an {@link Instant}), and the document's update time, which Firestore always sets.
 */
public record HeartbeatDoc(String id, Object processorName, Object lastHeartbeat, Instant updateTime) {

    /** {@code last_heartbeat} when it is a timestamp. */
    public Optional<Instant> lastBeat() {
        return lastHeartbeat instanceof Instant i ? Optional.of(i) : Optional.empty();
    }

    /** When the processor last showed life: {@code last_heartbeat}, else the update time. */
    public Instant lastSeen() {
        return lastBeat().orElse(updateTime);
    }
}
