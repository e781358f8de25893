package dev.propsops.logs.events;

import dev.propsops.logs.source.LogEntry;
import dev.propsops.logs.source.LogSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Joins the consecutive entries of one instance (and revision, and service) that continue a traceback
 * ({@link Continuation}) back into one {@link Event}. Entries without an instance id are never joined: with
 * several writers behind one stream, neighbours need not belong together.
 *
 * <p>Memory is bounded: one open event per instance, closed when the instance's next entry does not
 * continue it, when the input's time has moved more than {@code gap} past it, when more than
 * {@code maxOpen} instances have an open event (the least recently touched closes), and at the end. An
 * event holds at most {@code maxLines} lines; the next line then starts another event.
 *
 * <p>The input may be sorted either way: the direction is taken from the first two entries whose timestamps
 * differ, and in a newest-first input an event grows at its start.
 */
public final class EventAssembler {
    /** Receives events as they close (not in input order). */
    public interface Sink {
        void event(Event event);
    }

    private final Duration gap;
    private final long gapNanos;
    private final int maxOpen;
    private final int maxLines;
    private final Sink sink;
    private final LinkedHashMap<Key, Open> open = new LinkedHashMap<>(64, 0.75f, true);
    private int direction; // 0 unknown, 1 oldest first, -1 newest first
    private Instant previous;

    public EventAssembler(Duration gap, int maxOpen, int maxLines, Sink sink) {
        if (gap.isNegative() || maxOpen < 1 || maxLines < 1) {
            throw new IllegalArgumentException("gap >= 0, maxOpen >= 1, maxLines >= 1");
        }
        this.gap = gap;
        this.gapNanos = gap.toNanos();
        this.maxOpen = maxOpen;
        this.maxLines = maxLines;
        this.sink = sink;
    }

    /** One entry of the input, in input order; {@code baseline} says which window it belongs to. */
    public void add(LogEntry entry, boolean baseline) {
        Instant t = entry.timestamp();
        if (direction == 0 && previous != null && !t.equals(previous)) {
            direction = t.isAfter(previous) ? 1 : -1;
        }
        previous = t;
        closeStale(t);
        if (entry.instance().isEmpty()) {
            sink.event(single(entry, baseline));
            return;
        }
        Key key = new Key(baseline, entry.service(), entry.revision(), entry.instance());
        Open event = open.get(key);
        if (event != null) {
            boolean newestFirst = direction < 0;
            boolean joins = event.lines.size() < maxLines && withinGap(event.edge(newestFirst), t)
                    && (newestFirst ? Continuation.continues(entry.message(), event.lines.peekFirst())
                            : Continuation.continues(event.lines.peekLast(), entry.message()));
            if (joins) {
                event.add(entry, newestFirst);
                return;
            }
            open.remove(key);
            sink.event(event.close(event.lines.size() >= maxLines));
        }
        open.put(key, new Open(entry, baseline));
        if (open.size() > maxOpen) {
            Iterator<Open> eldest = open.values().iterator();
            Open e = eldest.next();
            eldest.remove();
            sink.event(e.close(false));
        }
    }

    /** Closes every open event: the end of the input. */
    public void finish() {
        for (Open e : open.values()) {
            sink.event(e.close(false));
        }
        open.clear();
    }

    /** Events open now (for tests of the bound). */
    int openEvents() {
        return open.size();
    }

    private void closeStale(Instant now) {
        Iterator<Open> it = open.values().iterator();
        while (it.hasNext()) {
            Open e = it.next();
            // the least recently touched come first: stop at the first that is still near
            if (withinGap(e.edge(direction < 0), now)) {
                return;
            }
            it.remove();
            sink.event(e.close(false));
        }
    }

    private boolean withinGap(Instant a, Instant b) {
        long seconds = Math.abs(a.getEpochSecond() - b.getEpochSecond());
        if (seconds > gap.getSeconds() + 1) {
            return false;
        }
        return Math.abs(Duration.between(a, b).toNanos()) <= gapNanos;
    }

    private static Event single(LogEntry entry, boolean baseline) {
        return new Event(entry, baseline, entry.timestamp(), entry.severity(), java.util.List.of(entry.message()),
                new long[] {entry.index()}, false);
    }

    private record Key(boolean baseline, String service, String revision, String instance) {
        Key {
            Objects.requireNonNull(instance);
        }
    }

    /** An event still growing. */
    private static final class Open {
        LogEntry first;
        Instant firstTime;
        Instant lastTime;
        LogSeverity severity;
        final boolean baseline;
        final ArrayDeque<String> lines = new ArrayDeque<>(4);
        long[] indices = new long[4];
        int count;

        Open(LogEntry entry, boolean baseline) {
            this.first = entry;
            this.firstTime = entry.timestamp();
            this.lastTime = entry.timestamp();
            this.severity = entry.severity();
            this.baseline = baseline;
            lines.add(entry.message());
            indices[count++] = entry.index();
        }

        Instant edge(boolean newestFirst) {
            return newestFirst ? firstTime : lastTime;
        }

        void add(LogEntry entry, boolean newestFirst) {
            if (newestFirst) {
                lines.addFirst(entry.message());
                first = entry;
                firstTime = entry.timestamp();
            } else {
                lines.addLast(entry.message());
                lastTime = entry.timestamp();
            }
            if (entry.severity().compareTo(severity) > 0) {
                severity = entry.severity();
            }
            if (count == indices.length) {
                indices = java.util.Arrays.copyOf(indices, count * 2);
            }
            indices[count++] = entry.index();
        }

        Event close(boolean cut) {
            return new Event(first, baseline, lastTime, severity, new ArrayList<>(lines),
                    java.util.Arrays.copyOf(indices, count), cut);
        }
    }
}
