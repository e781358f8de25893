package dev.propsops.logs.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The traceback of an event, if it has one: its exception type, message and top frames. As Error Reporting
 * does, tracebacks group by exception type plus top frames ({@link #groupKey()}); line numbers are left
 * out of the frames, so that a redeploy that moves code does not split a group.
 *
 * <p>Python: the last {@code Traceback (most recent call last):} block (with chained exceptions, the one
 * finally raised); its innermost frames are the last {@code File} lines; the exception is the line after
 * them. Java and Node: the first block of {@code at} frames (the exception thrown; its {@code Caused by}
 * follow); the exception is the line just before the first frame; the innermost frames come first.
 *
 * @param language "python" or "java" (Java and other {@code at}-frame stacks: Node, Kotlin, Scala)
 * @param exceptionType e.g. {@code ValueError}, {@code java.lang.IllegalStateException}; "(unknown)" when
 *     the line before the frames is not an exception line
 * @param exceptionMessage the exception's text, empty when it has none
 * @param topFrames the innermost frames, innermost first, at most {@link #TOP_FRAMES}
 */
public record Traceback(String language, String exceptionType, String exceptionMessage, List<String> topFrames) {
    public static final int TOP_FRAMES = 3;
    private static final Pattern PY_FRAME = Pattern.compile("^\\s*File \"([^\"]*)\", line \\d+(?:, in (.+))?\\s*$");
    private static final Pattern AT_FRAME = Pattern.compile("^\\s+at\\s+(.+?)\\s*$");
    private static final Pattern JAVA_CALL = Pattern.compile("^([\\w$.<>/\\[\\]]+)\\(.*\\)$");
    private static final Pattern LINE_COLUMN = Pattern.compile(":\\d+(?::\\d+)?(?=\\)?$)");
    private static final Pattern THREAD_PREFIX = Pattern.compile("^Exception in thread \"[^\"]*\"\\s+");

    public Traceback {
        topFrames = List.copyOf(topFrames);
    }

    /** Exception type plus top frames: what the event groups by. */
    public String groupKey() {
        return exceptionType + " @ " + String.join(" < ", topFrames);
    }

    /** The traceback of these lines (in time order), if they hold one. */
    public static Optional<Traceback> of(List<String> lines) {
        int header = -1;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).strip().equals(Continuation.PY_HEADER)) {
                header = i;
                break;
            }
        }
        if (header >= 0) {
            return Optional.of(python(lines, header));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (AT_FRAME.matcher(lines.get(i)).matches()) {
                return Optional.of(java(lines, i));
            }
        }
        return Optional.empty();
    }

    private static Traceback python(List<String> lines, int header) {
        List<String> frames = new ArrayList<>();
        String exception = null;
        for (int i = header + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher f = PY_FRAME.matcher(line);
            if (f.matches()) {
                frames.add(f.group(1) + (f.group(2) == null ? "" : ":" + f.group(2).strip()));
            } else if (!Continuation.isIndented(line) && !line.isBlank()) {
                exception = line;
                break;
            }
        }
        List<String> top = new ArrayList<>();
        for (int i = frames.size() - 1; i >= 0 && top.size() < TOP_FRAMES; i--) {
            top.add(frames.get(i));
        }
        return withException("python", exception, top);
    }

    private static Traceback java(List<String> lines, int firstFrame) {
        List<String> top = new ArrayList<>();
        for (int i = firstFrame; i < lines.size() && top.size() < TOP_FRAMES; i++) {
            Matcher f = AT_FRAME.matcher(lines.get(i));
            if (!f.matches()) {
                break;
            }
            String frame = f.group(1);
            Matcher call = JAVA_CALL.matcher(frame);
            top.add(call.matches() ? call.group(1) : LINE_COLUMN.matcher(frame).replaceAll(""));
        }
        String exception = firstFrame > 0 ? THREAD_PREFIX.matcher(lines.get(firstFrame - 1).strip()).replaceFirst("") : null;
        return withException("java", exception, top);
    }

    private static Traceback withException(String language, String line, List<String> top) {
        if (line == null) {
            return new Traceback(language, "(unknown)", "", top);
        }
        Matcher m = Continuation.EXCEPTION_LINE.matcher(line);
        if (!m.matches()) {
            return new Traceback(language, "(unknown)", line.strip(), top);
        }
        int colon = line.indexOf(':');
        String message = colon < 0 ? "" : line.substring(colon + 1).strip();
        return new Traceback(language, m.group(1), message, top);
    }
}
