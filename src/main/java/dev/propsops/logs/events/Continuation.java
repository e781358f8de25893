package dev.propsops.logs.events;

import java.util.regex.Pattern;

/**
 * Whether one line of a program's stderr continues the line before it, as the lines of a traceback do.
 * Cloud Run writes each line of multi-line output as an entry of its own; these rules put the lines of a
 * Python or Java (also Node) traceback back together. The rule looks at two neighbouring lines only, in
 * time order, so it works whichever way the input is sorted (Cloud Logging reads oldest first, {@code gcloud
 * logging read} prints newest first).
 *
 * <p>{@code next} continues {@code prev} when
 * <ul>
 *   <li>{@code next} is a Java or Node frame ({@code \tat ...}), {@code Caused by: ...},
 *       {@code Suppressed: ...} or {@code ... 12 more}: whatever {@code prev} is, since Java's first line
 *       is the exception's own message;</li>
 *   <li>{@code next} is indented (Python's {@code   File "...", line 3, in f} and its code lines) and
 *       {@code prev} is {@code Traceback (most recent call last):} or is itself indented;</li>
 *   <li>{@code next} is an exception line ({@code ValueError: bad}, {@code KeyError}) and {@code prev} is an
 *       indented line that is not a Java frame (the last line of a Python traceback);</li>
 *   <li>the chaining of Python's exceptions: {@code During handling of the above exception, another
 *       exception occurred:}, {@code The above exception was the direct cause of the following exception:},
 *       the blank lines around them, and the {@code Traceback (most recent call last):} after them.</li>
 * </ul>
 * Anything else starts an event of its own: a {@code Traceback} header after an ordinary line too (two
 * unrelated writes of a busy instance must not merge).
 */
public final class Continuation {
    static final String PY_HEADER = "Traceback (most recent call last):";
    private static final Pattern JAVA_TAIL = Pattern.compile(
            "^(?:\\s+at\\s+\\S.*|Caused by: .*|\\s*Suppressed: .*|\\s*\\.\\.\\. \\d+ (?:more|common frames omitted)\\s*)$");
    private static final Pattern FRAME_AT = Pattern.compile("^\\s+at\\s+\\S.*$");
    /** {@code ValueError: bad}, {@code google.api_core.exceptions.Forbidden: 403 ...}, {@code KeyError}. */
    static final Pattern EXCEPTION_LINE = Pattern.compile("^([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)(?::(?:\\s.*)?)?$");

    private Continuation() {
    }

    /** True when {@code next} (the later line) continues {@code prev} (the earlier one). */
    public static boolean continues(String prev, String next) {
        if (JAVA_TAIL.matcher(next).matches()) {
            return true;
        }
        if (isChain(next)) {
            return prev.isBlank() || isExceptionLine(prev);
        }
        if (next.isBlank()) {
            return isChain(prev) || isExceptionLine(prev) && !isIndented(prev);
        }
        if (next.equals(PY_HEADER) || next.strip().equals(PY_HEADER)) {
            return prev.isBlank() || isChain(prev);
        }
        if (isIndented(next)) {
            return prev.strip().equals(PY_HEADER) || isIndented(prev) && !prev.isBlank();
        }
        if (isExceptionLine(next)) {
            return isIndented(prev) && !prev.isBlank() && !FRAME_AT.matcher(prev).matches();
        }
        return false;
    }

    static boolean isIndented(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    static boolean isChain(String line) {
        String s = line.strip();
        return s.equals("During handling of the above exception, another exception occurred:")
                || s.equals("The above exception was the direct cause of the following exception:");
    }

    static boolean isExceptionLine(String line) {
        return !line.isEmpty() && !isIndented(line) && EXCEPTION_LINE.matcher(line).matches();
    }
}
