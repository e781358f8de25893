package dev.propsops.heartbeat.monitor;

import dev.propsops.monitoring.MetricPoint;
import dev.propsops.monitoring.OpsMetric;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** heartbeat-monitor's report as gauges: size, score, processors per state, and per processor the age of its beat. */
public final class MonitorMetrics {
    private MonitorMetrics() {
    }

    public static List<MetricPoint> of(MonitorReport report, String collection) {
        List<MetricPoint> points = new ArrayList<>();
        points.add(MetricPoint.of(OpsMetric.HEARTBEAT_COLLECTION_SIZE, report.size(), "collection", collection));
        // no processor, no score: nothing is written rather than a 0 that would read as "all stale"
        report.score().ifPresent(s -> points.add(MetricPoint.of(OpsMetric.HEARTBEAT_HEALTH_SCORE, s, "collection", collection)));
        Map<ProcessorState, Integer> perState = new EnumMap<>(ProcessorState.class);
        for (ProcessorState s : ProcessorState.values()) {
            perState.put(s, 0); // every state, every time: a state that empties shows 0, not a gap
        }
        report.processors().forEach(p -> perState.merge(p.state(), 1, Integer::sum));
        perState.forEach((state, n) -> points.add(MetricPoint.of(OpsMetric.HEARTBEAT_PROCESSORS, n,
                "collection", collection, "state", state.name())));
        for (ProcessorHealth p : report.processors()) {
            // a processor label per canonical doc (one per processor, bounded by the collection's bound); a
            // missing processor has no beat to measure
            p.age().ifPresent(age -> {
                long seconds = Math.max(0, age.getSeconds());
                points.add(MetricPoint.of(OpsMetric.HEARTBEAT_SECONDS_SINCE_BEAT, seconds,
                        "collection", collection, "processor", p.processor()));
                double intervals = (double) seconds / Math.max(1, p.expectedInterval().getSeconds());
                points.add(MetricPoint.of(OpsMetric.HEARTBEAT_BEAT_AGE_INTERVALS, Math.round(intervals * 1000) / 1000.0,
                        "collection", collection, "processor", p.processor()));
            });
        }
        return points;
    }
}
