package dev.propsops.heartbeat.cleanup;

import dev.propsops.heartbeat.DocumentIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An inclusive range of document ids. A processor's docs all lie in {@code [p, p + "_" + U+10FFFF]}: its
 * canonical doc is {@code p} and every legacy id is {@code p_<digit or N>...}, so a second pass can read
 * just the processors that still have work instead of the whole collection.
 */
public record IdRange(String first, String last) {
    /** Sorts after every character a document id can hold. */
    static final String AFTER_EVERYTHING = "\uDBFF\uDFFF";

    public static IdRange of(String processor) {
        return new IdRange(processor, processor + "_" + AFTER_EVERYTHING);
    }

    /** The fewest disjoint ranges that hold every doc of these processors (nested names share one range). */
    public static List<IdRange> covering(Collection<String> processors) {
        List<IdRange> sorted = new ArrayList<>(processors.stream().map(IdRange::of).toList());
        sorted.sort((a, b) -> DocumentIds.compare(a.first, b.first));
        List<IdRange> merged = new ArrayList<>();
        for (IdRange r : sorted) {
            IdRange lastRange = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (lastRange != null && DocumentIds.compare(r.first, lastRange.last) <= 0) {
                String end = DocumentIds.compare(r.last, lastRange.last) > 0 ? r.last : lastRange.last;
                merged.set(merged.size() - 1, new IdRange(lastRange.first, end));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }
}
