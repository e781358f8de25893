package dev.propsops.heartbeat.monitor;

import dev.propsops.heartbeat.docs.HeartbeatDoc;

/** A heartbeat doc with the two extra fields the monitor reads (raw values: any type may turn up). */
public record MonitorDoc(HeartbeatDoc doc, Object status, Object expectedIntervalSeconds) {
}
