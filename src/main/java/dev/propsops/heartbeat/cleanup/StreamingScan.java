package dev.propsops.heartbeat.cleanup;

import com.google.api.gax.rpc.ApiStreamObserver;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Query;
import dev.propsops.heartbeat.FirestoreDocs;
import dev.propsops.heartbeat.FirestoreErrors;
import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a query ordered by document id as a stream, one large page per query, handing each document to
 * the caller as it arrives. Memory stays bounded whatever the page size: documents wait in a small queue,
 * and a full queue holds the stream back. Fewer, larger queries matter: every query costs a pass over the
 * collection on the emulator and a round trip in production. A page cut by a transient error (a stream
 * that outlived its deadline, a dropped connection) resumes after the last document received.
 */
final class StreamingScan {
    /** Documents received but not yet handled: enough to keep the stream busy, small in memory. */
    static final int QUEUE_CAPACITY = 4_096;

    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    private record Page(int count, String lastId, Throwable failure) {
    }

    private final CollectionReference collection;
    private final CleanupTuning tuning;
    private final Function<Throwable, RuntimeException> failure;

    StreamingScan(CollectionReference collection, CleanupTuning tuning, Function<Throwable, RuntimeException> failure) {
        this.collection = collection;
        this.tuning = tuning;
        this.failure = failure;
    }

    /**
     * Every document of {@code base} (a query ordered by document id, without a limit), starting with
     * {@code first} (the same query, possibly with a start cursor).
     */
    void run(Query base, Query first, Consumer<HeartbeatDoc> each) {
        String lastId = null;
        int failures = 0;
        while (true) {
            Query query = (lastId == null ? first : base.startAfter(collection.document(lastId))).limit(tuning.pageSize());
            Page page = stream(query, each);
            if (page.lastId() != null) {
                lastId = page.lastId();
            }
            if (page.failure() == null) {
                if (page.count() < tuning.pageSize()) {
                    return;
                }
                failures = 0;
                continue;
            }
            if (!FirestoreErrors.isTransient(page.failure())) {
                throw failure.apply(page.failure());
            }
            failures = page.count() > 0 ? 1 : failures + 1;
            if (failures >= tuning.maxAttempts()) {
                throw failure.apply(page.failure());
            }
            sleep(tuning.backoff(failures + 1, ThreadLocalRandom.current().nextDouble()).toMillis());
        }
    }

    private Page stream(Query query, Consumer<HeartbeatDoc> each) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        AtomicBoolean abandoned = new AtomicBoolean();
        query.stream(new ApiStreamObserver<DocumentSnapshot>() {
            @Override
            public void onNext(DocumentSnapshot snapshot) {
                put(FirestoreDocs.toHeartbeatDoc(snapshot));
            }

            @Override
            public void onError(Throwable t) {
                put(new Failure(t));
            }

            @Override
            public void onCompleted() {
                put(END);
            }

            /** Holds the stream back while the queue is full; gives up once the reader has stopped reading. */
            private void put(Object item) {
                try {
                    while (!abandoned.get() && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                        // the reader is busy: wait for room
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        int count = 0;
        String lastId = null;
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    return new Page(count, lastId, null);
                }
                if (item instanceof Failure f) {
                    return new Page(count, lastId, FirestoreErrors.unwrap(f.cause()));
                }
                HeartbeatDoc doc = (HeartbeatDoc) item;
                each.accept(doc);
                count++;
                lastId = doc.id();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.apply(e);
        } finally {
            abandoned.set(true);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.apply(e);
        }
    }
}
