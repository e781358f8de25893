package dev.propsops.audit.bigquery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Groups billed jobs by shape, in Java, the way the online query groups them in BigQuery (same filters, same
 * shapes, same tie-breaks): the offline audit's aggregation. Memory grows with the number of shapes.
 */
public final class ShapeTally {
    private final Map<String, Acc> byShape = new HashMap<>();
    private long runs;
    private long bytes;

    private static final class Acc {
        long runs;
        long bytes;
        final TreeSet<String> users = new TreeSet<>();
        String topJob;
        long topBytes = -1;
        String topQuery;
    }

    /** Adds a job if {@link JobRow#billedQuery()}. */
    public void add(JobRow job) {
        if (!job.billedQuery()) {
            return;
        }
        String shape = QueryShapes.of(job.query());
        Acc a = byShape.computeIfAbsent(shape, s -> new Acc());
        a.runs++;
        a.bytes += job.bytesBilled();
        if (job.userEmail() != null && !job.userEmail().isBlank()) {
            a.users.add(job.userEmail());
        }
        // the most expensive job; on a tie the smallest id, as the SQL's ORDER BY bytes DESC, job_id does
        if (job.bytesBilled() > a.topBytes || job.bytesBilled() == a.topBytes && job.jobId().compareTo(a.topJob) < 0) {
            a.topBytes = job.bytesBilled();
            a.topJob = job.jobId();
            a.topQuery = job.query();
        }
        runs++;
        bytes += job.bytesBilled();
    }

    public CostSummary summary(int top) {
        List<ShapeCost> all = new ArrayList<>();
        byShape.forEach((shape, a) -> all.add(new ShapeCost(cut(shape), a.runs, a.bytes, a.users.size(),
                a.users.stream().limit(5).toList(), a.topJob, a.topQuery)));
        all.sort(Comparator.comparingLong(ShapeCost::bytesBilled).reversed().thenComparing(ShapeCost::shape));
        return new CostSummary(all.subList(0, Math.min(top, all.size())), runs, bytes, byShape.size());
    }

    static String cut(String shape) {
        return shape.length() <= QueryShapes.MAX_SHOWN ? shape : shape.substring(0, QueryShapes.MAX_SHOWN);
    }
}
