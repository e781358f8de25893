package dev.propsops.monitoring;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One gauge value to write: a metric, its labels (exactly the metric's label keys) and the value. The time
 * is the export's, the same for every point of a run.
 */
public record MetricPoint(OpsMetric metric, Map<String, String> labels, double value) {
    /** Cloud Monitoring's limit on a label value. */
    static final int MAX_LABEL_VALUE = 1024;

    public MetricPoint {
        Objects.requireNonNull(metric, "metric");
        labels = Map.copyOf(labels);
        if (!labels.keySet().equals(new java.util.HashSet<>(metric.labels()))) {
            throw new IllegalArgumentException(metric.type() + " takes the labels " + metric.labels() + ", was given "
                    + new TreeMap<>(labels).keySet());
        }
        labels.forEach((k, v) -> {
            if (v == null || v.isBlank() || v.length() > MAX_LABEL_VALUE) {
                throw new IllegalArgumentException(metric.type() + ": label " + k + " must be 1-" + MAX_LABEL_VALUE
                        + " characters, was '" + v + "'");
            }
        });
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(metric.type() + " " + labels + ": not a finite value: " + value);
        }
        if (metric.valueType() == OpsMetric.ValueType.INT64 && value != Math.rint(value)) {
            throw new IllegalArgumentException(metric.type() + " is an integer gauge, was given " + value);
        }
    }

    /** A point with labels given as key, value, key, value... */
    public static MetricPoint of(OpsMetric metric, double value, String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in key, value pairs");
        }
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            labels.put(keyValues[i], keyValues[i + 1]);
        }
        return new MetricPoint(metric, labels, value);
    }

    /** The series this point belongs to: the metric and its label values. */
    public String seriesKey() {
        return metric.type() + new TreeMap<>(labels);
    }

    public long longValue() {
        return (long) value;
    }
}
