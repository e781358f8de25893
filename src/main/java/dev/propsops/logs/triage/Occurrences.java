package dev.propsops.logs.triage;

import dev.propsops.logs.events.Event;
import java.time.Instant;

/**
 * Counts of something seen in the log (a pattern, a no-message revision, a permission error), with when it
 * was first and last seen and one sample: memory does not grow with the count.
 */
public final class Occurrences {
    private long count;
    private long entries;
    private long baseline;
    private Instant first;
    private Instant last;
    private String sample = "";
    private String sampleInsertId = "";
    private String sampleRevision = "";

    /** One event; baseline events only count toward the baseline. */
    void add(Event e, int sampleChars) {
        if (e.baseline()) {
            baseline++;
            return;
        }
        count++;
        entries += e.entryCount();
        if (first == null || e.firstSeen().isBefore(first)) {
            first = e.firstSeen();
            // the first seen is the sample: stable whatever order the input has
            sample = cut(e.text(), sampleChars);
            sampleInsertId = e.first().insertId();
            sampleRevision = e.revision();
        }
        if (last == null || e.last().isAfter(last)) {
            last = e.last();
        }
    }

    void merge(Occurrences other) {
        count += other.count;
        entries += other.entries;
        baseline += other.baseline;
        if (other.first != null && (first == null || other.first.isBefore(first))) {
            first = other.first;
            sample = other.sample;
            sampleInsertId = other.sampleInsertId;
            sampleRevision = other.sampleRevision;
        }
        if (other.last != null && (last == null || other.last.isAfter(last))) {
            last = other.last;
        }
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    /** Events in the window triaged. */
    public long count() {
        return count;
    }

    /** Entries of those events (a traceback is one event of many entries). */
    public long entries() {
        return entries;
    }

    /** Events in the baseline window. */
    public long baseline() {
        return baseline;
    }

    /** First seen in the window, null when never seen there. */
    public Instant first() {
        return first;
    }

    public Instant last() {
        return last;
    }

    public String sample() {
        return sample;
    }

    public String sampleInsertId() {
        return sampleInsertId;
    }

    public String sampleRevision() {
        return sampleRevision;
    }
}
