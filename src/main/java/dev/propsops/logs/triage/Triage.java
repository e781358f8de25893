package dev.propsops.logs.triage;

import dev.propsops.logs.events.Event;
import dev.propsops.logs.events.EventAssembler;
import dev.propsops.logs.events.Traceback;
import dev.propsops.logs.findings.NoMessage;
import dev.propsops.logs.findings.PermissionDenied;
import dev.propsops.logs.source.EntrySink;
import dev.propsops.logs.source.LogEntry;
import dev.propsops.logs.source.Malformed;
import dev.propsops.logs.source.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One run's triage as entries stream in: it skips what is out of scope, joins tracebacks, groups events
 * into patterns per service, and tallies the no-message and permission errors. Nothing here keeps a list
 * of entries or events: memory is bounded by the patterns, the open tracebacks and the finding keys.
 *
 * <p>Which window an entry is in comes from its timestamp: {@code current} is triaged, {@code baseline}
 * (when given) is only counted for comparison, anything else is skipped. With no current window (a file
 * read whole), every entry is current.
 */
public final class Triage implements EntrySink {
    /** Why an entry in the input was skipped without being malformed. */
    public enum Skip {
        BELOW_MIN_SEVERITY,
        OTHER_SERVICE,
        OUTSIDE_WINDOW
    }

    /** Services past this many share one bucket (provisional ids have 11 bits for the service). */
    static final int MAX_SERVICES = 2_000;
    static final String OTHER_SERVICES = "(other services)";

    private final TriageSettings settings;
    private final Optional<Window> current;
    private final Optional<Window> baseline;
    private final Assignments assignments;
    private final EventAssembler assembler;
    private final Map<String, Integer> serviceIndex = new HashMap<>();
    private final List<ServicePatterns> services = new ArrayList<>();
    private final Map<Malformed, Long> malformed = new EnumMap<>(Malformed.class);
    private final Map<Skip, Long> skipped = new EnumMap<>(Skip.class);
    private final Map<NoMessageKey, Occurrences> noMessage = new LinkedHashMap<>();
    private final Map<PermissionKey, PermissionTally> permissions = new LinkedHashMap<>();
    private long droppedFindingKeys;
    private long currentEntries;
    private long baselineEntries;
    private long currentEvents;
    private long baselineEvents;
    private Instant earliest;
    private Instant latest;

    public Triage(TriageSettings settings, Optional<Window> current, Optional<Window> baseline, Assignments assignments) {
        this.settings = settings;
        this.current = current;
        this.baseline = baseline;
        this.assignments = assignments;
        this.assembler = new EventAssembler(settings.joinGap(), settings.maxOpenEvents(), settings.maxEventLines(), this::event);
    }

    @Override
    public void entry(LogEntry e) {
        if (!e.severity().atLeast(settings.minSeverity())) {
            skip(e.index(), Skip.BELOW_MIN_SEVERITY);
            return;
        }
        if (!settings.services().isEmpty() && !settings.services().contains(e.service())) {
            skip(e.index(), Skip.OTHER_SERVICE);
            return;
        }
        boolean inBaseline;
        if (current.isEmpty() || current.get().contains(e.timestamp())) {
            inBaseline = false;
            currentEntries++;
            if (earliest == null || e.timestamp().isBefore(earliest)) {
                earliest = e.timestamp();
            }
            if (latest == null || e.timestamp().isAfter(latest)) {
                latest = e.timestamp();
            }
        } else if (baseline.isPresent() && baseline.get().contains(e.timestamp())) {
            inBaseline = true;
            baselineEntries++;
        } else {
            skip(e.index(), Skip.OUTSIDE_WINDOW);
            return;
        }
        assembler.add(e, inBaseline);
    }

    @Override
    public void malformed(long index, Malformed why) {
        malformed.merge(why, 1L, Long::sum);
        if (index >= 0) {
            assignments.skip(index);
        }
    }

    private void skip(long index, Skip why) {
        skipped.merge(why, 1L, Long::sum);
        if (index >= 0) {
            assignments.skip(index);
        }
    }

    private void event(Event e) {
        Optional<Traceback> traceback = e.multiLine() ? Traceback.of(e.lines()) : Optional.empty();
        boolean covered = false;
        if (!e.baseline()) {
            currentEvents++;
            if (NoMessage.applies(e, traceback.isPresent())) {
                covered = true;
                Occurrences o = tally(noMessage, new NoMessageKey(e.service(), e.revision()), Occurrences::new);
                if (o != null) {
                    o.add(e, settings.sampleChars());
                }
            } else {
                Optional<PermissionDenied.Denial> denial = PermissionDenied.of(e.text());
                if (denial.isPresent()) {
                    covered = true;
                    PermissionDenied.Denial d = denial.get();
                    PermissionTally t = tally(permissions, new PermissionKey(e.service(), d.permission().orElse(""),
                            d.resource().orElse("")), () -> new PermissionTally(e.service(), d, e.first().project(), e.first().location()));
                    if (t != null) {
                        t.seen.add(e, settings.sampleChars());
                        t.revisions.merge(e.revision(), 1L, Long::sum);
                    }
                }
            }
        } else {
            baselineEvents++;
        }
        int s = serviceIndexOf(e.service());
        int local = services.get(s).add(e, traceback, covered);
        int provisional = (s << 20) | local;
        for (long index : e.indices()) {
            if (index >= 0) {
                assignments.assign(index, provisional);
            }
        }
    }

    private <K, V> V tally(Map<K, V> map, K key, java.util.function.Supplier<V> create) {
        V v = map.get(key);
        if (v == null) {
            if (map.size() >= settings.maxFindingKeys()) {
                droppedFindingKeys++;
                return null;
            }
            v = create.get();
            map.put(key, v);
        }
        return v;
    }

    private int serviceIndexOf(String service) {
        Integer i = serviceIndex.get(service);
        if (i != null) {
            return i;
        }
        String name = services.size() >= MAX_SERVICES - 1 ? OTHER_SERVICES : service;
        i = serviceIndex.get(name);
        if (i == null) {
            i = services.size();
            services.add(new ServicePatterns(name, settings));
            serviceIndex.put(name, i);
        }
        serviceIndex.putIfAbsent(service, i);
        return i;
    }

    /**
     * Ends the input: closes the open tracebacks, numbers the patterns (services by name, each service's
     * patterns in order of appearance) and writes the assignments.
     */
    public TriageResult finish() {
        assembler.finish();
        Map<String, ServicePatterns> byName = new TreeMap<>();
        services.forEach(sp -> byName.put(sp.service(), sp));
        Map<String, List<Pattern>> patterns = new LinkedHashMap<>();
        Map<Integer, Integer> finalIds = new HashMap<>();
        int next = 0;
        for (ServicePatterns sp : byName.values()) {
            int s = serviceIndex.get(sp.service());
            List<Pattern> list = new ArrayList<>();
            for (Map.Entry<Integer, ServicePatterns.PatternParts> p : sp.patterns().entrySet()) {
                int id = next++;
                finalIds.put((s << 20) | p.getKey(), id);
                ServicePatterns.PatternParts parts = p.getValue();
                list.add(new Pattern(id, sp.service(), parts.template(), parts.tracebackKey(), parts.seen(), parts.covered()));
            }
            patterns.put(sp.service(), list);
        }
        assignments.finish(provisional -> {
            int s = provisional >>> 20;
            int local = services.get(s).resolve(provisional & ((1 << 20) - 1));
            Integer id = finalIds.get((s << 20) | local);
            if (id == null) {
                throw new IllegalStateException("no final id for pattern " + local + " of " + services.get(s).service());
            }
            return id;
        });
        List<NoMessageTally> nm = new ArrayList<>();
        noMessage.forEach((k, v) -> nm.add(new NoMessageTally(k.service, k.revision, v)));
        List<PermissionTally> pd = new ArrayList<>(permissions.values());
        return new TriageResult(current, baseline, Optional.ofNullable(earliest), Optional.ofNullable(latest), currentEntries,
                baselineEntries, currentEvents, baselineEvents, new EnumMap<>(malformed), new EnumMap<>(skipped), patterns, nm, pd,
                droppedFindingKeys);
    }

    private record NoMessageKey(String service, String revision) {
    }

    private record PermissionKey(String service, String permission, String resource) {
    }

    /** The no-message errors of one service revision. */
    public record NoMessageTally(String service, String revision, Occurrences seen) {
    }

    /** The permission errors of one service for one permission and resource. */
    public static final class PermissionTally {
        private final String service;
        private final PermissionDenied.Denial denial;
        private final String entryProject;
        private final String location;
        final Occurrences seen = new Occurrences();
        final Map<String, Long> revisions = new TreeMap<>();

        PermissionTally(String service, PermissionDenied.Denial denial, String entryProject, String location) {
            this.service = service;
            this.denial = denial;
            this.entryProject = entryProject;
            this.location = location;
        }

        public String service() {
            return service;
        }

        public PermissionDenied.Denial denial() {
            return denial;
        }

        /** The project of the entries' resource (resource.labels.project_id), may be empty. */
        public String entryProject() {
            return entryProject;
        }

        public String location() {
            return location;
        }

        public Occurrences seen() {
            return seen;
        }

        public Map<String, Long> revisions() {
            return Map.copyOf(revisions);
        }
    }
}
