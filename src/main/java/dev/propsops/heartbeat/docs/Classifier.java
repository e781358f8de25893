package dev.propsops.heartbeat.docs;

import dev.propsops.heartbeat.HeartbeatFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sorts heartbeat documents into canonical, legacy and foreign. When in doubt a document is foreign,
 * because foreign documents are never modified and deleting what should be kept is the worst failure.
 *
 * <ul>
 *   <li>The doc names its processor ({@code processor_name} is a non-blank string): canonical when the id
 *       is that name; legacy when the id is {@code <that name>_<YYYY-MM-DD|None>_<run_id>}; else foreign.</li>
 *   <li>It does not (field absent, null, blank or not a string): legacy when the id splits unambiguously
 *       at one valid token; canonical when the id has nothing that looks like a token; else foreign
 *       (an invalid date such as {@code 2026-13-45}, or two possible splits).</li>
 * </ul>
 */
public final class Classifier {
    private Classifier() {
    }

    public static Classification classify(HeartbeatDoc doc) {
        List<String> problems = new ArrayList<>();
        Optional<String> named = processorName(doc.processorName(), problems);
        if (doc.lastHeartbeat() == null) {
            problems.add("no " + HeartbeatFields.LAST_HEARTBEAT);
        } else if (!(doc.lastHeartbeat() instanceof Instant)) {
            problems.add(HeartbeatFields.LAST_HEARTBEAT + " is " + typeName(doc.lastHeartbeat()) + ", not a timestamp");
        }
        String id = doc.id();
        if (named.isPresent()) {
            String processor = named.get();
            if (id.equals(processor)) {
                return new Classification(DocKind.CANONICAL, named, problems);
            }
            if (LegacyId.parseFor(id, processor).isPresent()) {
                return new Classification(DocKind.LEGACY, named, problems);
            }
            return new Classification(DocKind.FOREIGN, Optional.empty(), problems);
        }
        Optional<LegacyId> legacy = LegacyId.parse(id);
        if (legacy.isPresent()) {
            return new Classification(DocKind.LEGACY, Optional.of(legacy.get().processor()), problems);
        }
        if (!LegacyId.looksLegacy(id)) {
            return new Classification(DocKind.CANONICAL, Optional.of(id), problems);
        }
        return new Classification(DocKind.FOREIGN, Optional.empty(), problems);
    }

    private static Optional<String> processorName(Object value, List<String> problems) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            if (s.isBlank()) {
                problems.add(HeartbeatFields.PROCESSOR_NAME + " is blank");
                return Optional.empty();
            }
            return Optional.of(s);
        }
        problems.add(HeartbeatFields.PROCESSOR_NAME + " is " + typeName(value) + ", not a string");
        return Optional.empty();
    }

    static String typeName(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof java.util.Map) {
            return "a map";
        }
        if (value instanceof java.util.List) {
            return "an array";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
