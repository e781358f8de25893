package dev.propsops.cloudrun;

/** A revision serving part of a service's traffic, as the service's traffic statuses report it (not its spec). */
public record TrafficShare(String revision, int percent, String tag) {
}
