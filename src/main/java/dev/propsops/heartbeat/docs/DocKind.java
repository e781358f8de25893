package dev.propsops.heartbeat.docs;

/** What a document of the heartbeat collection is, for the cleanup and the monitor. */
public enum DocKind {
    /** The one doc of a processor: its id is the processor name. */
    CANONICAL,
    /** A per-run doc of the old writer: {@code <processor>_<date>_<run_id>}. */
    LEGACY,
    /** Anything else: never modified, only counted. */
    FOREIGN
}
