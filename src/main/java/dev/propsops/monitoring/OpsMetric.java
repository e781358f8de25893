package dev.propsops.monitoring;

import java.util.List;

/**
 * Every metric props-ops writes to Cloud Monitoring: one gauge per figure a job already reports, under one
 * prefix. This is the one list: the README's metric table, the descriptors created on first use and the
 * alert policies' filters are all checked against it.
 *
 * <p>Labels are bounded by design: a collection, a state, a processor (one canonical doc each, ~30), a
 * sport, a check, a feature, a month, a dataset. Never a document id or a run id: every label value
 * combination is a time series of its own, and Cloud Monitoring bills and limits them.
 */
public enum OpsMetric {
    HEARTBEAT_COLLECTION_SIZE("heartbeat/collection_size", ValueType.INT64, "1", "Heartbeat collection size",
            "Documents in the heartbeat collection (heartbeat-monitor; the bound is 50).", "collection"),
    HEARTBEAT_HEALTH_SCORE("heartbeat/health_score", ValueType.INT64, "1", "Heartbeat health score",
            "0-100 health score from the processors' canonical docs (heartbeat-monitor; not written without processors).",
            "collection"),
    HEARTBEAT_PROCESSORS("heartbeat/processors", ValueType.INT64, "1", "Processors per state",
            "Processors in each state: ok, late, stale, failed, missing (heartbeat-monitor).", "collection", "state"),
    HEARTBEAT_SECONDS_SINCE_BEAT("heartbeat/seconds_since_beat", ValueType.INT64, "s", "Seconds since the last beat",
            "Age of each processor's last heartbeat (heartbeat-monitor).", "collection", "processor"),
    HEARTBEAT_BEAT_AGE_INTERVALS("heartbeat/beat_age_intervals", ValueType.DOUBLE, "1", "Beat age in expected intervals",
            "Age of each processor's last heartbeat divided by its expected interval: over 1 late, over 2 stale (heartbeat-monitor).",
            "collection", "processor"),
    DRIFT_COVERAGE("drift/coverage", ValueType.DOUBLE, "1", "Feature coverage",
            "Share of rows with the feature present, 0-1, per check, feature and month (drift-check).",
            "sport", "check", "feature", "month"),
    DRIFT_COVERAGE_CHANGE("drift/coverage_change_points", ValueType.DOUBLE, "1", "Feature coverage change",
            "Coverage change against the baseline in percentage points, negative for a drop (drift-check).",
            "sport", "check", "feature", "month"),
    DRIFT_PSI("drift/psi", ValueType.DOUBLE, "1", "Feature PSI",
            "Population stability index of the feature's present values against the baseline (drift-check; only with enough values).",
            "sport", "check", "feature", "month"),
    DRIFT_ROWS_PER_GAME_DAY("drift/rows_per_game_day", ValueType.DOUBLE, "1", "Rows per game day",
            "Rows per game day of the check's table, per month (drift-check).", "sport", "check", "month"),
    STAGING_CANDIDATES("staging/candidates", ValueType.INT64, "1", "Stale staging tables",
            "Staging tables that are candidates for pruning, per dataset read (staging-prune).", "sport", "dataset"),
    STAGING_CANDIDATE_BYTES("staging/candidate_bytes", ValueType.INT64, "By", "Stale staging table bytes",
            "Logical bytes of the candidate staging tables, per dataset read (staging-prune).", "sport", "dataset");

    /** Every props-ops metric type starts with this. */
    public static final String PREFIX = "custom.googleapis.com/props_ops/";

    /** How a point's value is written. */
    public enum ValueType {
        INT64,
        DOUBLE
    }

    private final String path;
    private final ValueType valueType;
    private final String unit;
    private final String displayName;
    private final String description;
    private final List<String> labels;

    OpsMetric(String path, ValueType valueType, String unit, String displayName, String description, String... labels) {
        this.path = path;
        this.valueType = valueType;
        this.unit = unit;
        this.displayName = displayName;
        this.description = description;
        this.labels = List.of(labels);
    }

    /** The full metric type, e.g. {@code custom.googleapis.com/props_ops/heartbeat/collection_size}. */
    public String type() {
        return PREFIX + path;
    }

    public ValueType valueType() {
        return valueType;
    }

    /** UCUM unit as Cloud Monitoring takes it: {@code 1}, {@code s}, {@code By}. */
    public String unit() {
        return unit;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    /** The label keys every point of this metric carries, no more and no fewer. */
    public List<String> labels() {
        return labels;
    }

    /** The metric whose type this is. */
    public static java.util.Optional<OpsMetric> ofType(String type) {
        for (OpsMetric m : values()) {
            if (m.type().equals(type)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
