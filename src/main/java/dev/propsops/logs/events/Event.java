package dev.propsops.logs.events;

import dev.propsops.logs.source.LogEntry;
import dev.propsops.logs.source.LogSeverity;
import java.time.Instant;
import java.util.List;

/**
 * One error as the program wrote it: a single entry, or the entries of one traceback joined back together.
 *
 * @param first the entry that starts the event in time (its service, revision, instance, insertId)
 * @param baseline true when the event belongs to the baseline window, false for the window triaged
 * @param lines the event's lines in time order
 * @param indices the input indices of its entries (-1 for entries without one), in no particular order
 * @param severity the worst severity among its entries
 * @param cut true when the event reached the line cap and later lines went to another event
 */
public record Event(LogEntry first, boolean baseline, Instant last, LogSeverity severity, List<String> lines,
        long[] indices, boolean cut) {
    public String service() {
        return first.service();
    }

    public String revision() {
        return first.revision();
    }

    public Instant firstSeen() {
        return first.timestamp();
    }

    public int entryCount() {
        return indices.length;
    }

    /** The whole event, lines joined with newlines. */
    public String text() {
        return lines.size() == 1 ? lines.get(0) : String.join("\n", lines);
    }

    public boolean multiLine() {
        return lines.size() > 1;
    }
}
