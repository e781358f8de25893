package dev.propsops.logs.findings;

import dev.propsops.logs.events.Event;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The "no message" rule: an error that says nothing a person could act on, such as the handoff's 143
 * {@code Error: } entries of prediction-worker, written by code like {@code print(f"Error: {e}")} where
 * {@code str(e)} is empty.
 *
 * <p>An event says nothing when it has no traceback (one with frames can be debugged, and Error Reporting
 * picks it up) and its message, stripped of spaces and a trailing {@code :}, is empty, or one of the words
 * in {@link #EMPTY_WORDS} (any case), or such a word after {@code Error:} / {@code Exception:}
 * ({@code Error: None}), or only an exception class name: {@code ValueError},
 * {@code java.lang.NullPointerException}, {@code KeyError:} — a single dotted name ending in
 * {@code Error}, {@code Exception}, {@code Failure} or {@code Fault}, with no text after it.
 */
public final class NoMessage {
    /** Messages that are as good as empty. */
    static final Set<String> EMPTY_WORDS = Set.of("", "error", "exception", "none", "null", "nil", "undefined",
            "unknown", "unknown error", "failed", "failure", "fail", "err", "[object object]", "{}", "[]", "''", "\"\"",
            "-", "?", "n/a", "traceback (most recent call last)");
    private static final Pattern PREFIX = Pattern.compile("^(?i)(?:error|exception|err|failed|failure)\\s*:\\s*");
    private static final Pattern CLASS_ONLY = Pattern.compile(
            "^[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*(?:Error|Exception|Failure|Fault)$");

    /** Longer than this is never "nothing" (the longest is a long exception class name after {@code Error: }). */
    static final int MAX_NOTHING_CHARS = 160;

    private NoMessage() {
    }

    /** True when the event is an error that says nothing. */
    public static boolean applies(Event event, boolean hasTraceback) {
        if (hasTraceback) {
            return false;
        }
        return saysNothing(event.text());
    }

    /** True for a message that is empty or says nothing (see the class comment). */
    public static boolean saysNothing(String message) {
        if (message.length() > MAX_NOTHING_CHARS) {
            return false; // a long message says something (and the checks below need not read it)
        }
        String m = strip(message);
        if (m.length() > 40 && m.indexOf(' ') >= 0 && (m.charAt(0) | 0x20) != 'e' && (m.charAt(0) | 0x20) != 'f') {
            return false; // longer than any empty word, not one class name, and no "Error:"/"Failed:" prefix
        }
        if (EMPTY_WORDS.contains(m.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String rest = strip(PREFIX.matcher(m).replaceFirst(""));
        if (rest.length() != m.length() && (EMPTY_WORDS.contains(rest.toLowerCase(Locale.ROOT)) || CLASS_ONLY.matcher(rest).matches())) {
            return true;
        }
        return CLASS_ONLY.matcher(m).matches();
    }

    private static String strip(String s) {
        String m = s.strip();
        while (m.endsWith(":")) {
            m = m.substring(0, m.length() - 1).strip();
        }
        return m;
    }
}
