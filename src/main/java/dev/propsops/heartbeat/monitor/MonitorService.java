package dev.propsops.heartbeat.monitor;

import dev.propsops.cli.Severity;
import dev.propsops.heartbeat.docs.Classification;
import dev.propsops.heartbeat.docs.Classifier;
import dev.propsops.heartbeat.docs.DocKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The read-only health check. Its cost stays small on a proliferated collection: the size comes from an
 * aggregation count; processors from one read of the whole collection while it is small, and above
 * {@code fullReadLimit} docs from a scan that reads canonical docs and skips blocks of legacy docs; legacy
 * writers from a query on recent {@code last_heartbeat} values only.
 */
public final class MonitorService {
    /**
     * What one check is measured against.
     *
     * @param fullReadLimit up to this many docs, the check reads them all (a few reads); above, it skips legacy blocks
     */
    public record Limits(long maxDocs, int minScore, Duration defaultInterval, Duration legacyWindow, long fullReadLimit) {
        public Limits withFullReadLimit(long limit) {
            return new Limits(maxDocs, minScore, defaultInterval, legacyWindow, limit);
        }
    }

    private final MonitorStore store;

    public MonitorService(MonitorStore store) {
        this.store = store;
    }

    public MonitorReport check(Instant now, Limits limits) {
        long readBefore = store.docsRead();
        long size = store.count();
        HealthRules rules = new HealthRules(now, limits.defaultInterval());
        Map<String, ProcessorHealth> processors = new TreeMap<>();
        Set<String> legacyOnly = new TreeSet<>();
        java.util.function.Consumer<MonitorDoc> fold = doc -> {
            Classification c = Classifier.classify(doc.doc());
            if (c.is(DocKind.CANONICAL)) {
                processors.put(c.processor().orElseThrow(), rules.assess(c.processor().orElseThrow(), doc));
            } else if (c.is(DocKind.LEGACY)) {
                legacyOnly.add(c.processor().orElseThrow());
            }
        };
        if (size <= limits.fullReadLimit()) {
            store.scanAll(fold);
        } else {
            store.scanSkippingLegacy(fold);
        }
        legacyOnly.removeAll(processors.keySet());
        legacyOnly.forEach(p -> processors.put(p, rules.missing(p)));

        Set<String> legacyWriters = new TreeSet<>();
        store.beatsSince(now.minus(limits.legacyWindow()), doc -> {
            Classification c = Classifier.classify(doc);
            if (c.is(DocKind.LEGACY)) {
                legacyWriters.add(c.processor().orElseThrow());
            }
        });

        List<ProcessorHealth> list = List.copyOf(processors.values());
        OptionalInt score = HealthRules.score(list);
        List<MonitorReport.Finding> findings = findings(size, limits, list, score, legacyWriters);
        return new MonitorReport(store.describe(), now, size, limits.maxDocs(), list, score, limits.minScore(),
                List.copyOf(legacyWriters), findings, store.docsRead() - readBefore);
    }

    static List<MonitorReport.Finding> findings(long size, Limits limits, List<ProcessorHealth> processors, OptionalInt score,
            Set<String> legacyWriters) {
        List<MonitorReport.Finding> f = new ArrayList<>();
        if (size > limits.maxDocs()) {
            f.add(new MonitorReport.Finding(Severity.critical, String.format(java.util.Locale.ROOT,
                    "the collection holds %,d docs, over its bound of %,d: per-run heartbeat docs are piling up; run heartbeat-cleanup",
                    size, limits.maxDocs())));
        }
        if (score.isEmpty()) {
            f.add(new MonitorReport.Finding(Severity.critical, "no processor has a heartbeat doc: nothing reports in"));
        } else if (score.getAsInt() < limits.minScore()) {
            f.add(new MonitorReport.Finding(Severity.critical, "health score " + score.getAsInt() + "/100 is below the minimum of "
                    + limits.minScore()));
        }
        if (!legacyWriters.isEmpty()) {
            f.add(new MonitorReport.Finding(Severity.warn, "deploy the heartbeat fix to " + String.join(", ", legacyWriters)
                    + ": still writing per-run legacy docs"));
        }
        for (ProcessorState s : List.of(ProcessorState.failed, ProcessorState.stale, ProcessorState.late, ProcessorState.missing)) {
            String names = processors.stream().filter(p -> p.state() == s).map(ProcessorHealth::processor).collect(Collectors.joining(", "));
            if (!names.isEmpty()) {
                f.add(new MonitorReport.Finding(Severity.warn, s.name() + ": " + names));
            }
        }
        return f;
    }
}
