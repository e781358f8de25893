package dev.propsops.monitoring;

import com.google.api.gax.rpc.ApiException;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.Explanation;
import dev.propsops.cli.OpsLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a run's gauges within Cloud Monitoring's limits, and never fails the job: every problem becomes a
 * WARNING that says what was not written and why (with the missing role for PERMISSION_DENIED).
 *
 * <ul>
 * <li>descriptors are made sure of once per metric and run (get, else create), before its first point;</li>
 * <li>at most {@value #MAX_SERIES_PER_REQUEST} series per request, one point per series per request;</li>
 * <li>one point per series per export (a repeated series keeps its last value), and a series written again
 *     by the same exporter less than {@link #MIN_INTERVAL} later is skipped: the API refuses points of a
 *     series closer than that;</li>
 * <li>at most {@code maxSeriesPerMetric} series per metric and run, so that a label fed by data (a processor
 *     name) can never explode into thousands of series.</li>
 * </ul>
 */
public final class MetricExporter {
    public static final int MAX_SERIES_PER_REQUEST = 200;
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(5);

    private final MetricSink sink;
    private final OpsLog log;
    private final Clock clock;
    private final int maxSeriesPerMetric;
    private final Set<OpsMetric> described = EnumSet.noneOf(OpsMetric.class);
    private final Map<String, Instant> lastWritten = new HashMap<>();

    public MetricExporter(MetricSink sink, OpsLog log, Clock clock, int maxSeriesPerMetric) {
        if (maxSeriesPerMetric < 1) {
            throw new IllegalArgumentException("maxSeriesPerMetric must be at least 1, was " + maxSeriesPerMetric);
        }
        this.sink = sink;
        this.log = log;
        this.clock = clock;
        this.maxSeriesPerMetric = maxSeriesPerMetric;
    }

    /** What an export did: points written, and points not written with the reasons (already logged as warnings). */
    public record Result(int written, int notWritten, List<String> problems) {
        public boolean clean() {
            return notWritten == 0 && problems.isEmpty();
        }
    }

    public Result export(List<MetricPoint> points) {
        Instant end = clock.instant();
        List<String> problems = new ArrayList<>();
        List<MetricPoint> series = limit(deduplicate(points, problems), problems, end);
        int notWritten = points.size() - series.size();

        // descriptors first: a metric whose descriptor cannot be had is not written
        Map<OpsMetric, List<MetricPoint>> byMetric = new LinkedHashMap<>();
        series.forEach(p -> byMetric.computeIfAbsent(p.metric(), m -> new ArrayList<>()).add(p));
        List<MetricPoint> ready = new ArrayList<>();
        for (Map.Entry<OpsMetric, List<MetricPoint>> e : byMetric.entrySet()) {
            try {
                if (!described.contains(e.getKey())) {
                    sink.ensureDescriptor(e.getKey());
                    described.add(e.getKey());
                }
                ready.addAll(e.getValue());
            } catch (RuntimeException failure) {
                notWritten += e.getValue().size();
                problems.add(warn(e.getValue().size() + " point(s) of " + e.getKey().type() + " not written", failure));
                if (stopsTheExport(failure)) {
                    // nothing is written: the other metrics would meet the same refusal
                    return finish(0, points.size(), problems, byMetric.size() > 1 ? " (the other metrics were not tried: "
                            + "the same would happen)" : "");
                }
            }
        }

        int written = 0;
        int requests = (ready.size() + MAX_SERIES_PER_REQUEST - 1) / MAX_SERIES_PER_REQUEST;
        for (int i = 0; i < ready.size(); i += MAX_SERIES_PER_REQUEST) {
            List<MetricPoint> batch = ready.subList(i, Math.min(ready.size(), i + MAX_SERIES_PER_REQUEST));
            try {
                sink.write(batch, end);
                written += batch.size();
                batch.forEach(p -> lastWritten.put(p.seriesKey(), end));
            } catch (RuntimeException failure) {
                int request = i / MAX_SERIES_PER_REQUEST + 1;
                notWritten += batch.size();
                problems.add(warn("request " + request + " of " + requests + " (" + batch.size() + " series) not written", failure));
                if (stopsTheExport(failure)) {
                    int rest = ready.size() - i - batch.size();
                    notWritten += rest;
                    return finish(written, notWritten, problems, rest > 0 ? " (the remaining " + rest
                            + " series were not tried: the same would happen)" : "");
                }
            }
        }
        return finish(written, notWritten, problems, "");
    }

    private Result finish(int written, int notWritten, List<String> problems, String note) {
        if (notWritten == 0 && problems.isEmpty()) {
            log.info("exported " + written + " metric point(s) to " + sink.describe());
        } else {
            log.warn("metric export incomplete: " + written + " point(s) written, " + notWritten + " not written to "
                    + sink.describe() + note + "; the job's result is unchanged");
        }
        return new Result(written, notWritten, List.copyOf(problems));
    }

    /** One point per series: a repeated series keeps its last value (and says so). */
    private List<MetricPoint> deduplicate(List<MetricPoint> points, List<String> problems) {
        Map<String, MetricPoint> bySeries = new LinkedHashMap<>();
        for (MetricPoint p : points) {
            bySeries.put(p.seriesKey(), p);
        }
        if (bySeries.size() < points.size()) {
            String m = (points.size() - bySeries.size()) + " repeated series dropped (one point per series per write)";
            log.warn("metric export: " + m);
            problems.add(m);
        }
        return new ArrayList<>(bySeries.values());
    }

    /** The 5-second rule and the per-metric series cap. */
    private List<MetricPoint> limit(List<MetricPoint> points, List<String> problems, Instant end) {
        List<MetricPoint> kept = new ArrayList<>();
        Map<OpsMetric, Integer> perMetric = new HashMap<>();
        Map<OpsMetric, Integer> overCap = new LinkedHashMap<>();
        int tooSoon = 0;
        for (MetricPoint p : points) {
            Instant last = lastWritten.get(p.seriesKey());
            if (last != null && Duration.between(last, end).compareTo(MIN_INTERVAL) < 0) {
                tooSoon++;
                continue;
            }
            int n = perMetric.merge(p.metric(), 1, Integer::sum);
            if (n > maxSeriesPerMetric) {
                overCap.merge(p.metric(), 1, Integer::sum);
                continue;
            }
            kept.add(p);
        }
        if (tooSoon > 0) {
            String m = tooSoon + " series skipped: written less than " + MIN_INTERVAL.toSeconds() + " s ago by this run";
            log.warn("metric export: " + m);
            problems.add(m);
        }
        overCap.forEach((metric, n) -> {
            String m = n + " series of " + metric.type() + " dropped: more than " + maxSeriesPerMetric
                    + " series (ops.monitoring.max-series-per-metric) would mean a label fed by unbounded data";
            log.warn("metric export: " + m);
            problems.add(m);
        });
        return kept;
    }

    private String warn(String what, RuntimeException failure) {
        Explanation e = ErrorExplainer.explain(failure);
        String m = what + ": " + e.message() + e.fix().map(f -> " (fix: " + f + ")").orElse("");
        log.warn("metric export: " + m);
        return m;
    }

    /**
     * A refusal that every further request would meet too (permissions, credentials, a disabled API, an
     * unreachable endpoint) stops the export; a refused request (INVALID_ARGUMENT: e.g. a point too soon
     * after one another run wrote) does not, nor does a descriptor of another type (that metric only).
     */
    static boolean stopsTheExport(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DescriptorMismatch) {
                return false;
            }
            if (t instanceof ApiException api) {
                return switch (api.getStatusCode().getCode()) {
                    case INVALID_ARGUMENT, FAILED_PRECONDITION, ALREADY_EXISTS, OUT_OF_RANGE -> false;
                    default -> true;
                };
            }
        }
        return true;
    }
}
