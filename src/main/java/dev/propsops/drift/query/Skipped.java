package dev.propsops.drift.query;

import dev.propsops.drift.check.TableRef;

/** A check (or the outcome) that could not be measured because its table has no data in the source. */
public record Skipped(String check, TableRef table, String reason) {
}
