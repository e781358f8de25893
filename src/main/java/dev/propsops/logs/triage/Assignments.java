package dev.propsops.logs.triage;

import java.util.function.IntUnaryOperator;

/**
 * Where {@code --assignments} goes: every entry index of the input gets its pattern, or none. Patterns are
 * known by a provisional number while the input is read (patterns may still merge); {@link #finish} maps
 * them to the final pattern ids.
 */
public interface Assignments {
    /** Index {@code index} belongs to the provisional pattern {@code provisional} (>= 0). */
    void assign(long index, int provisional);

    /** Index {@code index} has no pattern (malformed or skipped). */
    void skip(long index);

    /** Writes the result; {@code finalId} maps a provisional pattern to its final id. */
    void finish(IntUnaryOperator finalId);

    /** What was written, for the report: the file, or empty. */
    default java.util.Optional<String> describe() {
        return java.util.Optional.empty();
    }

    /** Lines written by {@link #finish}. */
    default long written() {
        return 0;
    }

    /** No {@code --assignments}. */
    Assignments NONE = new Assignments() {
        @Override
        public void assign(long index, int provisional) {
        }

        @Override
        public void skip(long index) {
        }

        @Override
        public void finish(IntUnaryOperator finalId) {
        }
    };
}
