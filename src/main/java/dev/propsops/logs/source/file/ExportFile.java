package dev.propsops.logs.source.file;

import dev.propsops.cli.Invocation;
import dev.propsops.cli.JsonRecords;
import dev.propsops.cli.Progress;
import dev.propsops.logs.source.EntrySink;
import dev.propsops.logs.source.LogEntry;
import dev.propsops.logs.source.LogSource;
import dev.propsops.logs.source.Malformed;
import dev.propsops.logs.source.ReadResult;
import dev.propsops.logs.source.Window;
import java.nio.file.Path;

/**
 * Entries from a file: the JSON array {@code gcloud logging read --format=json} prints, or JSON Lines of
 * the same entries, streamed by {@link JsonRecords} (memory holds one entry at a time). An entry that is not
 * an object, has no timestamp, or whose payload has an unknown shape is counted and skipped; so is a broken
 * JSON Lines line. Broken array syntax ends the read with exit 2, naming the file and line. Needs no
 * credentials and no project.
 */
public final class ExportFile implements LogSource {
    public static final String HOW_TO_MAKE = "gcloud logging read 'severity>=ERROR AND resource.type=(\"cloud_run_revision\" OR "
            + "\"cloud_run_job\") AND timestamp>=\"2026-01-25T00:00:00Z\"' --project=PROJECT --format=json > errors.json";

    static final int WARN_LINES = 10;

    private final Path file;
    private final Invocation invocation;

    public ExportFile(Path file, Invocation invocation) {
        this.file = file;
        this.invocation = invocation;
    }

    @Override
    public String describe() {
        return "file " + file;
    }

    @Override
    public boolean readsByWindow() {
        return false;
    }

    @Override
    public ReadResult read(Window ignored, long maxEntries, boolean numbered, EntrySink sink) {
        long[] count = {0};
        boolean[] truncated = {false};
        long[] brokenLines = {0};
        try (Progress progress = Progress.start(invocation, "read " + file.getFileName(), "entries", 0)) {
            JsonRecords.stream(file, new JsonRecords.StreamVisitor() {
                @Override
                public void record(com.fasterxml.jackson.core.JsonParser parser, long index, long line) throws java.io.IOException {
                    if (count[0] >= maxEntries) {
                        truncated[0] = true;
                        throw Stop.INSTANCE;
                    }
                    // a broken JSON Lines line throws here and comes back through malformed(): count it there
                    Object parsed = EntryJson.parse(parser, numbered ? index : -1);
                    count[0]++;
                    if (parsed instanceof LogEntry e) {
                        sink.entry(e);
                    } else {
                        sink.malformed(numbered ? index : -1, (Malformed) parsed);
                    }
                    progress.add(1);
                }

                @Override
                public void malformed(long index, long line, String why) {
                    if (count[0] >= maxEntries) {
                        truncated[0] = true;
                        throw Stop.INSTANCE;
                    }
                    count[0]++;
                    if (++brokenLines[0] <= WARN_LINES) {
                        invocation.log().warn(file + ":" + line + ": not JSON, skipped (" + why + ")"
                                + (brokenLines[0] == WARN_LINES ? "; further broken lines are only counted" : ""));
                    }
                    sink.malformed(numbered ? index : -1, Malformed.NOT_JSON);
                }
            });
        } catch (Stop stop) {
            // --max-entries reached
        }
        return new ReadResult(count[0], 0, truncated[0], java.util.Optional.empty());
    }

    /** Ends a read at the entry cap (no stack trace: it is not an error). */
    private static final class Stop extends RuntimeException {
        static final Stop INSTANCE = new Stop();

        private Stop() {
            super("max entries", null, false, false);
        }
    }
}
