package dev.propsops.monitoring;

/** A metric descriptor that exists with another kind or value type: only that metric cannot be written. */
public final class DescriptorMismatch extends IllegalStateException {
    public DescriptorMismatch(String message) {
        super(message);
    }
}
