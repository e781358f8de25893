package dev.propsops.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * The log of a run, on standard error so that standard output stays the report. On a terminal or in a
 * shell it is plain text; on Cloud Run every line is one JSON object with a {@code severity} that Cloud
 * Logging understands, so warnings and errors can be alerted on.
 */
public final class OpsLog {
    private final PrintWriter err;
    private final boolean structured;
    private final Clock clock;

    OpsLog(PrintWriter err, boolean structured, Clock clock) {
        this.err = err;
        this.structured = structured;
        this.clock = clock;
    }

    public void info(String message) {
        write("INFO", null, message);
    }

    public void warn(String message) {
        write("WARNING", "warning: ", message);
    }

    public void error(String message) {
        write("ERROR", "error: ", message);
    }

    /** A failure and, when known, its fix: two lines in text, one entry with a {@code fix} field on Cloud Run. */
    public void failure(String message, java.util.Optional<String> fix) {
        if (structured) {
            ObjectNode line = entry("ERROR", message);
            fix.ifPresent(f -> line.put("fix", f));
            println(line.toString());
        } else {
            println("error: " + message);
            fix.ifPresent(f -> println("  fix: " + f));
        }
    }

    /** A progress line: plain in text mode, INFO with the figures as fields on Cloud Run. */
    public void progress(String message, ObjectNode fields) {
        if (structured) {
            ObjectNode line = entry("INFO", message);
            line.setAll(fields);
            println(line.toString());
        } else {
            println(message);
        }
    }

    public boolean structured() {
        return structured;
    }

    private void write(String severity, String textPrefix, String message) {
        if (structured) {
            println(entry(severity, message).toString());
        } else {
            println(textPrefix == null ? message : textPrefix + message);
        }
    }

    private ObjectNode entry(String severity, String message) {
        ObjectNode line = Json.object();
        line.put("severity", severity);
        line.put("message", message);
        line.put("time", clock.instant().toString());
        return line;
    }

    private void println(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
