package dev.propsops.cli;

import io.quarkus.logging.LoggingFilter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Keeps the client libraries' log records (gRPC, Netty, google-http-client, the auth library) to one line
 * each on a normal run: the stack trace becomes its exception's class and message, a multi-line message
 * its first line, and the same warning again within a minute is dropped. props-ops' own errors are
 * explained by the one error handler; a library's stack trace in front of them only hides the message.
 * {@code PROPS_OPS_DEBUG=1} keeps every record whole.
 */
@LoggingFilter(name = "props-ops-library-logs")
public final class LibraryLogCondenser implements Filter {
    static final long REPEAT_WINDOW_MILLIS = 60_000;
    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private final boolean debug;
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    public LibraryLogCondenser() {
        this(System.getenv("PROPS_OPS_DEBUG") != null && !System.getenv("PROPS_OPS_DEBUG").isBlank());
    }

    LibraryLogCondenser(boolean debug) {
        this.debug = debug;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        if (debug || logger.startsWith("dev.propsops")) {
            return true;
        }
        String message = FORMATTER.formatMessage(record);
        String firstLine = message == null ? "" : message.strip().lines().findFirst().orElse("");
        Throwable thrown = record.getThrown();
        String condensed = thrown == null ? firstLine : firstLine + (firstLine.isEmpty() ? "" : ": ") + summary(thrown);
        String key = logger + '|' + record.getLevel() + '|' + condensed.replaceAll("\\d+", "#");
        long now = record.getMillis();
        Long previous = lastSeen.put(key, now);
        if (previous != null && now - previous < REPEAT_WINDOW_MILLIS) {
            return false;
        }
        if (lastSeen.size() > 1_000) {
            lastSeen.clear();
        }
        record.setThrown(null);
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(condensed, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(condensed);
        }
        record.setParameters(null);
        return true;
    }

    /** The exception chain on one line: class and first message line of each cause, at most three. */
    static String summary(Throwable t) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable c = t; c != null && depth < 3; c = c.getCause() == c ? null : c.getCause(), depth++) {
            String m = c.getMessage() == null ? "" : c.getMessage().strip().lines().findFirst().orElse("");
            if (depth > 0) {
                if (!m.isEmpty() && sb.indexOf(m) >= 0) {
                    continue;
                }
                sb.append(" <- ");
            }
            sb.append(c.getClass().getSimpleName());
            if (!m.isEmpty()) {
                sb.append(' ').append(m);
            }
        }
        return sb.toString();
    }
}
