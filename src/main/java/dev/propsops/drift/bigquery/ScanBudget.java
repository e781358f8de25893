package dev.propsops.drift.bigquery;

import dev.propsops.cli.ByteSize;
import dev.propsops.cli.OpsException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one byte budget of a BigQuery run (--max-bytes), shared by the figures' queries and the schedule's:
 * every dry run's bytes are counted, and over the budget nothing runs.
 */
final class ScanBudget {
    private final long maxBytes;
    private final List<String> reserved = new ArrayList<>();
    private long reservedBytes;

    ScanBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Counts a statement dry-run ahead of the figures' preflight (the schedule's). */
    void reserve(String what, long bytes) {
        reserved.add(what + " " + ByteSize.format(bytes));
        reservedBytes += bytes;
    }

    /** The total with the figures' statements; refuses (exit 2) when it is over the budget. */
    long check(List<String> each, long bytes) {
        long total = bytes + reservedBytes;
        List<String> all = new ArrayList<>(each);
        all.addAll(reserved);
        if (total > maxBytes) {
            throw OpsException.usage("the drift queries would scan " + ByteSize.format(total) + " (" + total + " bytes: "
                    + String.join(", ", all) + "), over --max-bytes " + ByteSize.format(maxBytes) + "; nothing was run",
                    "narrow the window (--month, or --from/--to), or raise --max-bytes if the cost is expected");
        }
        return total;
    }
}
