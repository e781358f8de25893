package dev.propsops.heartbeat.docs;

import java.util.List;
import java.util.Optional;

/**
 * The verdict on one document: its kind, the processor it belongs to (empty for a foreign doc), and what
 * is wrong with its fields, if anything (a malformed doc is still classified: legacy by id is enough).
 */
public record Classification(DocKind kind, Optional<String> processor, List<String> problems) {
    public Classification {
        problems = List.copyOf(problems);
        if (kind != DocKind.FOREIGN && processor.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs a processor");
        }
    }

    public boolean malformed() {
        return !problems.isEmpty();
    }

    public boolean is(DocKind k) {
        return kind == k;
    }
}
