package dev.propsops.logs.triage;

import dev.propsops.logs.events.Event;
import dev.propsops.logs.events.Traceback;
import dev.propsops.logs.grouping.Masker;
import dev.propsops.logs.grouping.TemplateMiner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The patterns of one service: messages go to the service's {@link TemplateMiner}; tracebacks group by
 * exception type plus top frames ({@link Traceback#groupKey()}), at most
 * {@link TriageSettings#maxTracebackGroups()} groups, then one overflow group. Pattern ids here are local
 * (a miner id, or {@link #TRACEBACK} plus a group number); the run numbers them at the end.
 */
final class ServicePatterns {
    /** Flag of a local id that is a traceback group. */
    static final int TRACEBACK = 1 << 19;
    static final String OVERFLOW_KEY = "(traceback groups past the bound)";

    private final String service;
    private final TriageSettings settings;
    private final TemplateMiner miner = new TemplateMiner();
    private final Masker masker = new Masker();
    private final Map<Integer, Occurrences> byMinerId = new HashMap<>();
    private final Map<Integer, long[]> coveredByMinerId = new HashMap<>();
    private final Map<String, Integer> tracebackIds = new HashMap<>();
    private final List<String> tracebackTemplates = new ArrayList<>();
    private final List<String> tracebackKeys = new ArrayList<>();
    private final List<Occurrences> tracebackSeen = new ArrayList<>();
    private final List<long[]> tracebackCovered = new ArrayList<>();
    private long events;

    ServicePatterns(String service, TriageSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    String service() {
        return service;
    }

    long events() {
        return events;
    }

    /** Adds one event; returns its local pattern id. */
    int add(Event event, Optional<Traceback> traceback, boolean covered) {
        events++;
        if (traceback.isPresent()) {
            return TRACEBACK | addTraceback(event, traceback.get(), covered);
        }
        int id = miner.add(event.text());
        byMinerId.computeIfAbsent(id, k -> new Occurrences()).add(event, settings.sampleChars());
        if (covered && !event.baseline()) {
            coveredByMinerId.computeIfAbsent(id, k -> new long[1])[0]++;
        }
        return id;
    }

    private int addTraceback(Event event, Traceback t, boolean covered) {
        String key = t.groupKey();
        Integer id = tracebackIds.get(key);
        if (id == null) {
            if (tracebackIds.size() >= settings.maxTracebackGroups()) {
                key = OVERFLOW_KEY;
                id = tracebackIds.get(key);
            }
            if (id == null) {
                id = tracebackKeys.size();
                tracebackIds.put(key, id);
                tracebackKeys.add(key);
                tracebackTemplates.add(key.equals(OVERFLOW_KEY) ? "<*> (tracebacks of more groups than "
                        + settings.maxTracebackGroups() + ")" : template(t));
                tracebackSeen.add(new Occurrences());
                tracebackCovered.add(new long[1]);
            }
        }
        tracebackSeen.get(id).add(event, settings.sampleChars());
        if (covered && !event.baseline()) {
            tracebackCovered.get(id)[0]++;
        }
        return id;
    }

    private String template(Traceback t) {
        String message = String.join(" ", masker.tokens(t.exceptionMessage()));
        return t.exceptionType() + (message.isEmpty() ? "" : ": " + message)
                + (t.topFrames().isEmpty() ? "" : " (at " + String.join(" < ", t.topFrames()) + ")");
    }

    /** The live local id a local id is known by now (the miner may have merged patterns). */
    int resolve(int local) {
        return (local & TRACEBACK) != 0 ? local : miner.resolve(local);
    }

    /** The service's patterns after the read, keyed by live local id, in the order they appeared. */
    LinkedHashMap<Integer, PatternParts> patterns() {
        Map<Integer, Occurrences> merged = new HashMap<>();
        Map<Integer, Long> covered = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        byMinerId.keySet().stream().sorted().forEach(id -> {
            int live = miner.resolve(id);
            Occurrences into = merged.get(live);
            if (into == null) {
                into = new Occurrences();
                merged.put(live, into);
                order.add(live);
            }
            into.merge(byMinerId.get(id));
            long[] c = coveredByMinerId.get(id);
            covered.merge(live, c == null ? 0L : c[0], Long::sum);
        });
        LinkedHashMap<Integer, PatternParts> out = new LinkedHashMap<>();
        order.stream().sorted().forEach(live -> out.put(live,
                new PatternParts(miner.template(live), Optional.empty(), merged.get(live), covered.get(live))));
        for (int i = 0; i < tracebackKeys.size(); i++) {
            out.put(TRACEBACK | i, new PatternParts(tracebackTemplates.get(i), Optional.of(tracebackKeys.get(i)),
                    tracebackSeen.get(i), tracebackCovered.get(i)[0]));
        }
        return out;
    }

    record PatternParts(String template, Optional<String> tracebackKey, Occurrences seen, long covered) {
    }
}
