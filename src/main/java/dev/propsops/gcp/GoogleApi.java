package dev.propsops.gcp;

/**
 * The Google APIs props-ops calls. Each can be pointed elsewhere with {@code ops.gcp.<key>.endpoint}
 * (see {@link Endpoint}): a private endpoint, or a local stand-in in tests and scripts.
 */
public enum GoogleApi {
    FIRESTORE("firestore", "firestore.googleapis.com:443", Transport.GRPC),
    BIGQUERY("bigquery", "https://bigquery.googleapis.com", Transport.HTTP),
    LOGGING("logging", "logging.googleapis.com:443", Transport.GRPC),
    RUN("run", "https://run.googleapis.com", Transport.HTTP),
    MONITORING("monitoring", "monitoring.googleapis.com:443", Transport.GRPC),
    STORAGE("storage", "https://storage.googleapis.com", Transport.HTTP),
    BILLING("billing", "https://cloudbilling.googleapis.com", Transport.HTTP),
    BUDGETS("budgets", "https://billingbudgets.googleapis.com", Transport.HTTP);

    /** How the client library talks to the API. */
    public enum Transport {
        GRPC,
        HTTP
    }

    private final String key;
    private final String defaultEndpoint;
    private final Transport transport;

    GoogleApi(String key, String defaultEndpoint, Transport transport) {
        this.key = key;
        this.defaultEndpoint = defaultEndpoint;
        this.transport = transport;
    }

    /** The configuration key part: {@code ops.gcp.<key>.endpoint}. */
    public String key() {
        return key;
    }

    public String endpointKey() {
        return "ops.gcp." + key + ".endpoint";
    }

    /** Where the client library goes when no override is configured. */
    public String defaultEndpoint() {
        return defaultEndpoint;
    }

    public Transport transport() {
        return transport;
    }
}
