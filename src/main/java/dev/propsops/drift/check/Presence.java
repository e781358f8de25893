package dev.propsops.drift.check;

/** When a feature counts as present in a row. */
public enum Presence {
    /** Any non-NULL value. */
    NOT_NULL,
    /** Not NULL and not 0: the feature store writes 0 where a Vegas line is missing. */
    NOT_NULL_NOR_ZERO
}
