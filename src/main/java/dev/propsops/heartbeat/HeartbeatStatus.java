package dev.propsops.heartbeat;

/** The status a processor reports with each beat, stored lowercase as the Python processors write it. */
public enum HeartbeatStatus {
    running,
    completed,
    failed
}
