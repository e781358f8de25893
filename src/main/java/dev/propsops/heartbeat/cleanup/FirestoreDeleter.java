package dev.propsops.heartbeat.cleanup;

import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.WriteBatch;
import dev.propsops.heartbeat.FirestoreDocs;
import dev.propsops.heartbeat.FirestoreErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Deletes through several batch commits in flight, paced by a {@link RateLimiter}. Every delete carries a
 * precondition on the update time its doc had when it was seen, so a doc rewritten since (a live
 * processor) is not deleted. A commit is atomic: when a precondition fails, the batch is split in halves
 * until the changed docs are isolated and counted as skipped. Transient errors are retried with
 * exponential backoff; anything else, or a transient error that outlasts the retries, fails the pipeline.
 */
final class FirestoreDeleter implements CleanupStore.Deleter {
    private record Target(String id, Instant updateTime) {
    }

    private final Firestore db;
    private final CollectionReference collection;
    private final CleanupTuning tuning;
    private final RateLimiter limiter;
    private final LongConsumer onDone;
    private final Function<Throwable, RuntimeException> failure;
    private final ExecutorService workers;
    private final Semaphore slots;
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private List<Target> pending = new ArrayList<>();

    FirestoreDeleter(Firestore db, CollectionReference collection, CleanupTuning tuning, RateLimiter limiter,
            LongConsumer onDone, Function<Throwable, RuntimeException> failure) {
        this.db = db;
        this.collection = collection;
        this.tuning = tuning;
        this.limiter = limiter;
        this.onDone = onDone;
        this.failure = failure;
        this.workers = Executors.newFixedThreadPool(tuning.concurrency(), r -> {
            Thread t = new Thread(r, "heartbeat-cleanup-delete");
            t.setDaemon(true);
            return t;
        });
        // at most one batch waiting per worker: memory stays bounded whatever the collection size
        this.slots = new Semaphore(tuning.concurrency() * 2);
    }

    @Override
    public void delete(String id, Instant seenUpdateTime) {
        throwIfFailed();
        pending.add(new Target(id, seenUpdateTime));
        if (pending.size() >= tuning.batchSize()) {
            send();
        }
    }

    @Override
    public CleanupStore.DeleteCounts finish() {
        if (!pending.isEmpty() && fatal.get() == null) {
            send();
        }
        workers.shutdown();
        try {
            while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                // waiting for the last commits
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
            throw failure.apply(e);
        }
        throwIfFailed();
        return new CleanupStore.DeleteCounts(deleted.get(), skipped.get());
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private void send() {
        List<Target> batch = pending;
        pending = new ArrayList<>(tuning.batchSize());
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.apply(e);
        }
        workers.execute(() -> {
            try {
                commit(batch);
            } catch (Throwable t) {
                fatal.compareAndSet(null, t);
            } finally {
                slots.release();
            }
        });
    }

    private void commit(List<Target> batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            if (fatal.get() != null) {
                return; // the run is failing: do not start more writes
            }
            limiter.acquire(batch.size());
            WriteBatch writes = db.batch();
            for (Target t : batch) {
                writes.delete(collection.document(t.id()), Precondition.updatedAt(FirestoreDocs.timestamp(t.updateTime())));
            }
            try {
                writes.commit().get();
                deleted.addAndGet(batch.size());
                onDone.accept(batch.size());
                return;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (FirestoreErrors.isPreconditionFailure(cause)) {
                    if (batch.size() == 1) {
                        skipped.incrementAndGet();
                        onDone.accept(1);
                        return;
                    }
                    int half = batch.size() / 2;
                    commit(batch.subList(0, half));
                    commit(batch.subList(half, batch.size()));
                    return;
                }
                if (!FirestoreErrors.isTransient(cause) || attempt >= tuning.maxAttempts()) {
                    throw failure.apply(cause);
                }
                TimeUnit.MILLISECONDS.sleep(tuning.backoff(attempt + 1, ThreadLocalRandom.current().nextDouble()).toMillis());
            }
        }
    }

    private void throwIfFailed() {
        Throwable t = fatal.get();
        if (t != null) {
            workers.shutdownNow();
            throw t instanceof RuntimeException r ? r : failure.apply(t);
        }
    }
}
