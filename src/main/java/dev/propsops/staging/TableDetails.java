package dev.propsops.staging;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What only a per-table read tells (labels, current expiration), fetched for candidates only. An inventory
 * file has none of it: {@link #unknown()}; a table deleted since the listing is {@link #gone()}.
 */
public record TableDetails(Status status, Map<String, String> labels, Optional<Instant> expiration,
        Optional<Instant> lastModified) {
    public enum Status {
        KNOWN,
        UNKNOWN,
        GONE
    }

    public TableDetails {
        labels = Map.copyOf(labels);
    }

    public static TableDetails known(Map<String, String> labels, Optional<Instant> expiration, Optional<Instant> lastModified) {
        return new TableDetails(Status.KNOWN, labels, expiration, lastModified);
    }

    public static TableDetails unknown() {
        return new TableDetails(Status.UNKNOWN, Map.of(), Optional.empty(), Optional.empty());
    }

    public static TableDetails gone() {
        return new TableDetails(Status.GONE, Map.of(), Optional.empty(), Optional.empty());
    }

    public boolean isKnown() {
        return status == Status.KNOWN;
    }
}
