package dev.propsops.logs.findings;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "permission denied" rule: recognises an error saying the caller lacked an IAM permission, and pulls
 * out which permission and on which resource when the text says.
 *
 * <p>An error is a permission error when its text has any of: {@code PERMISSION_DENIED};
 * {@code Permission 'X' denied} (any quotes); {@code permission denied}; {@code does not have ... access}
 * or {@code does not have ... permission}; {@code caller does not have permission}; {@code 403} next to
 * {@code Forbidden}, {@code permission}, {@code denied} or {@code access} (or as an HTTP status:
 * {@code HTTP 403}, {@code status 403}, {@code code 403}, {@code 403 Forbidden}). A bare {@code 403} elsewhere
 * ("processed 403 rows") is not.
 *
 * <p>The permission is a dotted IAM name ({@code monitoring.timeSeries.create}) quoted after
 * {@code Permission}, or in {@code does not have X access} / {@code does not have X permission}. The
 * resource comes from {@code on resource 'R'} / {@code for resource 'R'}, {@code access to R},
 * {@code in project P} or {@code Table P:D.T}; either may be unknown.
 */
public final class PermissionDenied {
    private static final Pattern DETECT = Pattern.compile(
            "PERMISSION_DENIED"
                    + "|(?i:permission\\s+['\"\u2018\u201c]?[a-z][\\w.]*['\"\u2019\u201d]?\\s+(?:was\\s+|is\\s+)?denied)"
                    + "|(?i:permission denied)"
                    + "|(?i:does not have\\s+(?:the\\s+)?\\S+\\s+(?:access|permission))"
                    + "|(?i:does not have (?:permission|access))"
                    + "|(?i:caller does not have permission)"
                    + "|(?i:\\b403\\b(?=[^\\n]{0,200}?(?:forbidden|permission|denied|access)))"
                    + "|(?i:(?:forbidden|permission|denied|access)[^\\n]{0,80}?\\b403\\b)"
                    + "|(?i:(?:http|status|code|error)[\\s:=]{0,3}403\\b)"
                    + "|(?i:\\b403\\s+forbidden)");
    private static final Pattern QUOTED_PERMISSION = Pattern.compile(
            "(?i)permission\\s+['\"\u2018\u201c]?([a-z][\\w-]*(?:\\.[\\w-]+){1,4})['\"\u2019\u201d]?\\s+(?:was\\s+|is\\s+)?denied");
    private static final Pattern HAVE_PERMISSION = Pattern.compile(
            "(?i)does not have\\s+(?:the\\s+)?([a-z][\\w-]*(?:\\.[\\w-]+){1,4})\\s+(?:access|permission)");
    private static final Pattern REQUIRED_PERMISSION = Pattern.compile(
            "(?i)(?:requires?|missing|needs?)\\s+(?:the\\s+)?(?:iam\\s+)?(?:permission\\s+)?['\"]?([a-z][\\w-]*\\.[a-z][\\w-]*\\.[a-z][\\w-]*)['\"]?");
    private static final Pattern ON_RESOURCE = Pattern.compile(
            "(?i)(?:on|for) resource\\s+['\"\u2018\u201c]([^'\"\u2019\u201d]+)['\"\u2019\u201d]");
    private static final Pattern ACCESS_TO = Pattern.compile(
            "(?i)access to (?:the )?(?:Google Cloud Storage )?(?:bucket |object |resource |table |dataset |project |topic |subscription |secret )?['\"]?([\\w][\\w./:@-]*[\\w/])");
    private static final Pattern IN_PROJECT = Pattern.compile("(?i)(?:in|for|on) project\\s+['\"]?([a-z][a-z0-9-]{4,28}[a-z0-9])");
    private static final Pattern TABLE = Pattern.compile("(?i)\\bTable\\s+([\\w-]+:[\\w]+\\.[\\w$-]+)");
    private static final Pattern PROJECT_ID = Pattern.compile("(?:^|/|\\b)projects/([a-z][a-z0-9-]{4,28}[a-z0-9])(?:/|$)");

    /** What a permission error says, as far as it says. */
    public record Denial(Optional<String> permission, Optional<String> resource) {
        /** The project the resource is in, when its name tells ({@code projects/p/...}, {@code p:dataset.table}). */
        public Optional<String> resourceProject() {
            if (resource.isEmpty()) {
                return Optional.empty();
            }
            String r = resource.get();
            Matcher m = PROJECT_ID.matcher(r);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
            int colon = r.indexOf(':');
            if (colon > 0 && r.indexOf('.') > colon && r.indexOf('/') < 0) {
                return Optional.of(r.substring(0, colon));
            }
            return Optional.empty();
        }
    }

    private PermissionDenied() {
    }

    /** The denial this text reports, or empty when it is no permission error. */
    public static Optional<Denial> of(String text) {
        // every phrasing above has one of these: skip the regular expressions for the other errors (most)
        if (!(text.contains("403") || containsIgnoreCase(text, "permission") || containsIgnoreCase(text, "does not have"))
                || !DETECT.matcher(text).find()) {
            return Optional.empty();
        }
        Optional<String> permission = first(text, QUOTED_PERMISSION, HAVE_PERMISSION, REQUIRED_PERMISSION);
        Optional<String> resource = first(text, ON_RESOURCE, TABLE, ACCESS_TO)
                .filter(r -> r.chars().anyMatch(c -> c == '/' || c == '.' || c == ':' || c == '-')); // not "object", "bucket"
        if (resource.isEmpty()) {
            Matcher p = IN_PROJECT.matcher(text);
            if (p.find()) {
                resource = Optional.of("projects/" + p.group(1));
            }
        }
        return Optional.of(new Denial(permission, resource.map(r -> r.endsWith(".") ? r.substring(0, r.length() - 1) : r)));
    }

    /** ASCII case-insensitive {@code contains}, without lower-casing a copy of the text. */
    static boolean containsIgnoreCase(String text, String lowerNeedle) {
        int n = lowerNeedle.length();
        char first = lowerNeedle.charAt(0);
        for (int i = 0, last = text.length() - n; i <= last; i++) {
            char c = text.charAt(i);
            if ((c | 0x20) == first && text.regionMatches(true, i, lowerNeedle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> first(String text, Pattern... patterns) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
