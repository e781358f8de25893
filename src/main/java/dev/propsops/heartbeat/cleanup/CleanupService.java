package dev.propsops.heartbeat.cleanup;

import dev.propsops.cli.Invocation;
import dev.propsops.cli.Progress;
import dev.propsops.cli.StoreException;
import dev.propsops.heartbeat.HeartbeatFields;
import dev.propsops.heartbeat.docs.Classifier;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cleanup in two passes over the collection. Pass 1 ({@link #plan}) classifies every document into
 * per-processor tallies and makes the plan. Pass 2 ({@link #execute}) first gives every processor to
 * migrate its canonical doc, then streams the collection again and deletes what the same rules say, so a
 * run killed half-way is finished by a rerun: it plans again from what is left.
 */
public final class CleanupService {
    private final CleanupStore store;
    private final Invocation invocation;

    public CleanupService(CleanupStore store, Invocation invocation) {
        this.store = store;
        this.invocation = invocation;
    }

    public CleanupPlan plan(CleanupPolicy policy, Shard shard) {
        long total = store.count();
        CollectionTally tally = new CollectionTally(policy, shard);
        try (Progress progress = Progress.start(invocation, "scanning " + store.describe(), "docs", total)) {
            store.scan(doc -> {
                tally.add(doc);
                progress.add(1);
            });
        }
        return CleanupPlan.from(tally);
    }

    public CleanupResult execute(CleanupPlan plan, RateLimiter limiter) {
        long start = System.nanoTime();
        Migrations migrations = migrate(plan);
        AtomicLong done = new AtomicLong();
        try (Progress progress = Progress.start(invocation, "deleting (" + limiter.limit().describe() + ")", "docs",
                plan.ownedToDelete());
                CleanupStore.Deleter deleter = store.deleter(limiter, n -> {
                    done.addAndGet(n);
                    progress.add(n);
                })) {
            store.scan(doc -> {
                if (plan.deletes(doc, Classifier.classify(doc), migrations::confirmed)) {
                    deleter.delete(doc.id(), doc.updateTime());
                }
            });
            CleanupStore.DeleteCounts counts = deleter.finish();
            return new CleanupResult(counts.deleted(), counts.skipped(), migrations, Duration.ofNanos(System.nanoTime() - start));
        } catch (StoreException e) {
            throw new StoreException(e.operation() + " (" + done.get() + " docs were done before it failed; a rerun "
                    + "plans again from what is left and finishes the work)", e.resource(), e.neededRole().orElse(null), e.getCause());
        }
    }

    /**
     * For each processor without a canonical doc: copy its newest legacy doc to the canonical id, only if
     * the canonical doc still does not exist. A failure there keeps all of that processor's legacy docs.
     */
    Migrations migrate(CleanupPlan plan) {
        Migrations m = new Migrations();
        for (ProcessorPlan p : plan.toMigrate()) {
            String processor = p.processor();
            try {
                if (store.read(processor).isPresent()) {
                    m.alreadyThere(processor);
                    continue;
                }
                Optional<Map<String, Object>> newest = p.newestLegacyId().flatMap(store::read);
                if (newest.isEmpty()) {
                    m.failed(processor, "its newest legacy doc " + p.newestLegacyId().orElse("?") + " vanished before it could be copied");
                    continue;
                }
                Map<String, Object> data = newest.get();
                data.put(HeartbeatFields.PROCESSOR_NAME, processor);
                if (store.createIfAbsent(processor, data)) {
                    m.created(processor);
                } else {
                    m.alreadyThere(processor);
                }
            } catch (StoreException e) {
                m.failed(processor, e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
                invocation.log().warn("could not give " + processor + " its canonical doc, so none of its legacy docs "
                        + "will be deleted: " + e.getMessage());
            }
        }
        return m;
    }
}
