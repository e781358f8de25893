package dev.propsops.heartbeat.docs;

import dev.propsops.heartbeat.DocumentIds;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-run id the old Python writer produced: {@code <processor>_<YYYY-MM-DD>_<run_id>}, or
 * {@code <processor>_None_<run_id>} when the run had no data date. Processor names may contain {@code _},
 * {@code -} and digits, and run ids may contain {@code _}, so an id is only read as legacy when exactly one
 * {@code _<date>_} or {@code _None_} token can split it; an id with two candidate splits is ambiguous and
 * is not legacy by its id alone (the caller then treats it as foreign: never modified).
 *
 * @param processor the part before the token
 * @param dateToken {@code YYYY-MM-DD} or {@code None}
 * @param runId the part after the token (non-empty)
 */
public record LegacyId(String processor, String dateToken, String runId) {
    public static final String NO_DATE = "None";

    /** A candidate token, loosely: any {@code _dddd-dd-dd_} or {@code _None_}, valid date or not. */
    private static final Pattern TOKEN = Pattern.compile("_(\\d{4}-\\d{2}-\\d{2}|None)_");

    /**
     * Reads {@code id} as a legacy id with no other hint: empty when it has no legacy token, when a token
     * is not a real date, or when more than one split is possible.
     */
    public static Optional<LegacyId> parse(String id) {
        List<LegacyId> splits = splits(id);
        if (splits.size() != 1 || hasInvalidToken(id)) {
            return Optional.empty();
        }
        return splits.stream().findFirst();
    }

    /**
     * Reads {@code id} as a legacy id of {@code processor}: the id must be exactly
     * {@code processor + "_" + date-or-None + "_" + runId}. This settles the ambiguity of {@link #parse}
     * when the doc names its processor.
     */
    public static Optional<LegacyId> parseFor(String id, String processor) {
        if (processor == null || processor.isEmpty() || !id.startsWith(processor) || DocumentIds.violation(processor).isPresent()) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(id).region(processor.length(), id.length());
        if (!m.lookingAt() || m.end() == id.length() || !validToken(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new LegacyId(processor, m.group(1), id.substring(m.end())));
    }

    /** True when the id carries anything that looks like a legacy token, even an invalid or ambiguous one. */
    public static boolean looksLegacy(String id) {
        return id != null && TOKEN.matcher(id).find();
    }

    /** Every split of {@code id} at a valid token with a non-empty processor and run id. */
    private static List<LegacyId> splits(String id) {
        List<LegacyId> result = new ArrayList<>();
        if (id == null) {
            return result;
        }
        Matcher m = TOKEN.matcher(id);
        int from = 0;
        // tokens may overlap ("a_None_None_b"), so search again from just after each match start
        while (from < id.length() && m.find(from)) {
            String processor = id.substring(0, m.start());
            String token = m.group(1);
            String runId = id.substring(m.end());
            if (!processor.isEmpty() && !runId.isEmpty() && validToken(token)
                    && DocumentIds.violation(processor).isEmpty()) {
                result.add(new LegacyId(processor, token, runId));
            }
            from = m.start() + 1;
        }
        return result;
    }

    private static boolean hasInvalidToken(String id) {
        Matcher m = TOKEN.matcher(id);
        int from = 0;
        while (from < id.length() && m.find(from)) {
            if (!validToken(m.group(1))) {
                return true;
            }
            from = m.start() + 1;
        }
        return false;
    }

    private static boolean validToken(String token) {
        if (NO_DATE.equals(token)) {
            return true;
        }
        try {
            LocalDate.parse(token);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
