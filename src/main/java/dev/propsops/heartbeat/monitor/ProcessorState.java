package dev.propsops.heartbeat.monitor;

/** How a processor stands, and what it is worth in the health score. */
public enum ProcessorState {
    /** Beat within its expected interval. */
    ok(1.0),
    /** Beat within twice its expected interval: one beat missed. */
    late(0.5),
    /** No beat for longer than twice its expected interval, or no usable last_heartbeat. */
    stale(0.0),
    /** Its last beat reported status "failed". */
    failed(0.0),
    /** Seen only through legacy docs: no canonical doc, so the dashboard cannot show it. */
    missing(0.0);

    private final double weight;

    ProcessorState(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}
