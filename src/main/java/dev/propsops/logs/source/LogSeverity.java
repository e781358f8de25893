package dev.propsops.logs.source;

import java.util.Locale;
import java.util.Optional;

/** Cloud Logging's severities, in order (google.logging.type.LogSeverity: 0, 100, ... 800). */
public enum LogSeverity {
    DEFAULT,
    DEBUG,
    INFO,
    NOTICE,
    WARNING,
    ERROR,
    CRITICAL,
    ALERT,
    EMERGENCY;

    public boolean atLeast(LogSeverity other) {
        return compareTo(other) >= 0;
    }

    /** From a name (any case); also the numbers Cloud Logging uses (500 = ERROR). Empty when neither. */
    public static Optional<LogSeverity> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (LogSeverity s : values()) {
            if (s.name().equals(t)) {
                return Optional.of(s);
            }
        }
        if (t.equals("WARN")) {
            return Optional.of(WARNING);
        }
        try {
            return Optional.of(ofNumber(Integer.parseInt(t)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** From Cloud Logging's number: 0 DEFAULT, 100 DEBUG, ... 800 EMERGENCY (in between rounds down). */
    public static LogSeverity ofNumber(int number) {
        int i = Math.max(0, Math.min(values().length - 1, number / 100));
        return values()[i];
    }

    /** The number Cloud Logging gives this severity (ERROR = 500). */
    public int number() {
        return ordinal() * 100;
    }
}
