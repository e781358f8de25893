package dev.propsops.logs.source;

/**
 * Where log entries come from: Cloud Logging ({@code source/logging}) or a gcloud export file
 * ({@code source/file}). A store owned by log-triage, one class per backend.
 */
public interface LogSource {
    /** What is read, for the report and errors: "Cloud Logging (project p)", "file entries.json". */
    String describe();

    /**
     * True when {@link #read} returns only the entries of the window it is asked for (Cloud Logging); false
     * when it returns its whole input whatever the window (a file), and the triage sorts entries by time.
     */
    boolean readsByWindow();

    /**
     * Reads the entries of {@code window} (a file: all its entries) into {@code sink}, at most
     * {@code maxEntries}. {@code numbered}: the entries get their index in this read (0, 1, ...), else -1.
     * A failure after some entries is returned in the result, not thrown, so that what was read still counts.
     */
    ReadResult read(Window window, long maxEntries, boolean numbered, EntrySink sink);

    /** The filter a read of {@code window} sends, for the report; empty for a file. */
    default java.util.Optional<String> filterFor(Window window) {
        return java.util.Optional.empty();
    }
}
