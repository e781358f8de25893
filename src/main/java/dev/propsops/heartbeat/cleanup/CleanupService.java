package dev.propsops.heartbeat.cleanup;

import dev.propsops.cli.Invocation;
import dev.propsops.cli.Progress;
import dev.propsops.cli.StoreException;
import dev.propsops.heartbeat.HeartbeatFields;
import dev.propsops.heartbeat.docs.Classification;
import dev.propsops.heartbeat.docs.Classifier;
import dev.propsops.heartbeat.docs.DocKind;
import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The cleanup. Pass 1 ({@link #plan}) classifies every document into per-processor tallies and makes the
 * plan; pass 2 ({@link #execute}) gives every processor to migrate its canonical doc, then reads the id
 * ranges of the processors with work and deletes what the plan's rule says. A run killed half-way is
 * finished by a rerun: it plans again from what is left.
 *
 * <p>{@link #planAndExecute} is the same in one streaming pass where that cannot change the outcome (with
 * {@code --yes}, when the collection holds no more docs than {@code --max-deletes}): a processor's
 * canonical doc sorts just before its legacy docs, so once the stream has seen a fresh canonical doc the
 * plan's verdict on that processor's legacy docs is already known, and they go at once. Processors to
 * migrate or retire still wait for the plan and a second, narrower pass.
 */
public final class CleanupService {
    private final CleanupStore store;
    private final Invocation invocation;

    /** A run that acted: its plan and what it did. */
    public record Outcome(CleanupPlan plan, CleanupResult result) {
    }

    public CleanupService(CleanupStore store, Invocation invocation) {
        this.store = store;
        this.invocation = invocation;
    }

    public long count() {
        return store.count();
    }

    public CleanupPlan plan(CleanupPolicy policy, Shard shard) {
        long start = System.nanoTime();
        CollectionTally tally = new CollectionTally(policy, shard);
        try (Progress progress = Progress.start(invocation, "scanning " + store.describe(), "docs", store.count())) {
            store.scan(doc -> {
                tally.add(doc, Classifier.classify(doc));
                progress.add(1);
            });
        }
        log("pass 1: classified %,d docs in %.1fs", tally.scanned(), seconds(start));
        return CleanupPlan.from(tally);
    }

    public CleanupResult execute(CleanupPlan plan, RateLimiter limiter) {
        long start = System.nanoTime();
        AtomicLong done = new AtomicLong();
        try (Progress progress = Progress.start(invocation, "deleting (" + limiter.limit().describe() + ")", "docs", plan.ownedToDelete());
                CleanupStore.Deleter deleter = store.deleter(limiter, n -> {
                    done.addAndGet(n);
                    progress.add(n);
                })) {
            Migrations migrations = migrate(plan);
            secondPass(plan, migrations, deleter, p -> false);
            CleanupStore.DeleteCounts counts = deleter.finish();
            log("pass 2: %,d docs deleted in %.1fs", counts.deleted(), seconds(start));
            return new CleanupResult(counts.deleted(), counts.skipped(), migrations, Duration.ofNanos(System.nanoTime() - start), false);
        } catch (StoreException e) {
            throw rerunHint(e, done.get());
        }
    }

    public Outcome planAndExecute(CleanupPolicy policy, Shard shard, RateLimiter limiter, long total) {
        long start = System.nanoTime();
        CollectionTally tally = new CollectionTally(policy, shard);
        Set<String> freshCanonical = new HashSet<>();
        AtomicLong done = new AtomicLong();
        try (Progress scanned = Progress.start(invocation, "scanning and deleting (" + limiter.limit().describe() + ")", "docs", total);
                CleanupStore.Deleter deleter = store.deleter(limiter, done::addAndGet)) {
            store.scan(doc -> {
                Classification c = Classifier.classify(doc);
                tally.add(doc, c);
                scanned.add(1);
                if (deletesNow(doc, c, policy, shard, freshCanonical)) {
                    deleter.delete(doc.id(), doc.updateTime());
                }
            });
            CleanupPlan plan = CleanupPlan.from(tally);
            log("pass 1: classified %,d docs and started %,d deletes in %.1fs", tally.scanned(), done.get(), seconds(start));
            Migrations migrations = migrate(plan);
            secondPass(plan, migrations, deleter, freshCanonical::contains);
            CleanupStore.DeleteCounts counts = deleter.finish();
            log("done: %,d docs deleted in %.1fs", counts.deleted(), seconds(start));
            return new Outcome(plan, new CleanupResult(counts.deleted(), counts.skipped(), migrations,
                    Duration.ofNanos(System.nanoTime() - start), true));
        } catch (StoreException e) {
            throw rerunHint(e, done.get());
        }
    }

    /**
     * The streaming pass's verdict, identical to the plan's: a legacy doc of a processor whose canonical doc
     * was seen earlier in the stream and is not silent past --retire-after belongs to a processor the plan
     * gives {@link ProcessorPlan.Action#DELETE_LEGACY}; it goes if it is old enough and in this task's share.
     */
    static boolean deletesNow(HeartbeatDoc doc, Classification c, CleanupPolicy policy, Shard shard, Set<String> freshCanonical) {
        if (c.is(DocKind.CANONICAL)) {
            if (!policy.silentSinceRetireCutoff(doc.lastSeen())) {
                freshCanonical.add(c.processor().orElseThrow());
            }
            return false;
        }
        return c.is(DocKind.LEGACY) && freshCanonical.contains(c.processor().orElseThrow()) && shard.owns(doc.id())
                && !policy.writtenRecently(doc.updateTime());
    }

    /** Reads the id ranges of the processors with work left (not {@code handled}) and deletes what the plan says. */
    private void secondPass(CleanupPlan plan, Migrations migrations, CleanupStore.Deleter deleter, Predicate<String> handled) {
        List<String> withWork = plan.processors().values().stream()
                .filter(p -> p.toDelete() > 0 && !handled.test(p.processor())).map(ProcessorPlan::processor).toList();
        for (IdRange range : IdRange.covering(withWork)) {
            store.scan(range, doc -> {
                Classification c = Classifier.classify(doc);
                boolean ours = c.processor().map(p -> !handled.test(p)).orElse(false);
                if (ours && plan.deletes(doc, c, migrations::confirmed)) {
                    deleter.delete(doc.id(), doc.updateTime());
                }
            });
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

    private static StoreException rerunHint(StoreException e, long done) {
        return new StoreException(e.operation() + " (" + done + " docs were done before it failed; a rerun plans again from "
                + "what is left and finishes the work)", e.resource(), e.neededRole().orElse(null), e.getCause());
    }

    private void log(String format, Object... args) {
        invocation.log().info(String.format(Locale.ROOT, format, args));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
