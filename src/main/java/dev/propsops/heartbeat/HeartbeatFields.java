package dev.propsops.heartbeat;

/** Field names of a heartbeat document, shared with the Python processors that write the same docs. */
public final class HeartbeatFields {
    public static final String PROCESSOR_NAME = "processor_name";
    public static final String STATUS = "status";
    public static final String LAST_HEARTBEAT = "last_heartbeat";
    public static final String RUN_ID = "run_id";
    public static final String DATA_DATE = "data_date";
    public static final String STARTED_AT = "started_at";
    public static final String MESSAGE = "message";
    public static final String EXPECTED_INTERVAL_SECONDS = "expected_interval_seconds";

    private HeartbeatFields() {
    }
}
