package dev.propsops.logs.source;

/** Receives what a source reads, one entry at a time, in the order of the source. */
public interface EntrySink {
    void entry(LogEntry entry);

    /** An entry of the input that is malformed: it is counted, and its index gets no pattern. */
    void malformed(long index, Malformed why);
}
