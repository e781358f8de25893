package dev.propsops.heartbeat;

import com.google.api.gax.rpc.ApiStreamObserver;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Query;
import java.time.Duration;
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
public final class StreamingScan<T> {
    /** Documents received but not yet handled: enough to keep the stream busy, small in memory. */
    static final int QUEUE_CAPACITY = 4_096;

    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    private record Page(int count, String lastId, Throwable failure) {
    }

    /** How a scan pages and retries. */
    public record Settings(int pageSize, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        public Settings {
            if (pageSize < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("invalid scan settings: page " + pageSize + ", attempts " + maxAttempts);
            }
        }

        /** The pause before attempt {@code attempt} (2, 3, ...): exponential, capped, with jitter in [0.5, 1). */
        public Duration backoff(int attempt, double jitter) {
            double base = initialBackoff.toMillis() * Math.pow(2, Math.max(0, attempt - 2));
            double capped = Math.min(base, maxBackoff.toMillis());
            return Duration.ofMillis((long) (capped * (0.5 + jitter / 2)));
        }
    }

    private final HeartbeatCollection collection;
    private final Settings settings;
    private final Function<DocumentSnapshot, T> read;
    private final Function<T, String> idOf;

    /**
     * @param read turns a snapshot into the small value the caller keeps (on the stream's thread)
     * @param idOf the document id of such a value, where a cut stream resumes
     */
    public StreamingScan(HeartbeatCollection collection, Settings settings, Function<DocumentSnapshot, T> read,
            Function<T, String> idOf) {
        this.collection = collection;
        this.settings = settings;
        this.read = read;
        this.idOf = idOf;
    }

    /**
     * Every document of {@code base} (a query ordered by document id, without a limit), starting with
     * {@code first} (the same query, possibly with a start cursor).
     */
    public void run(Query base, Query first, Consumer<T> each) {
        String lastId = null;
        int failures = 0;
        while (true) {
            Query query = (lastId == null ? first : base.startAfter(collection.ref().document(lastId))).limit(settings.pageSize());
            Page page = stream(query, each);
            if (page.lastId() != null) {
                lastId = page.lastId();
            }
            if (page.failure() == null) {
                if (page.count() < settings.pageSize()) {
                    return;
                }
                failures = 0;
                continue;
            }
            if (!FirestoreErrors.isTransient(page.failure())) {
                throw failure(page.failure());
            }
            failures = page.count() > 0 ? 1 : failures + 1;
            if (failures >= settings.maxAttempts()) {
                throw failure(page.failure());
            }
            sleep(settings.backoff(failures + 1, ThreadLocalRandom.current().nextDouble()).toMillis());
        }
    }

    private Page stream(Query query, Consumer<T> each) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        AtomicBoolean abandoned = new AtomicBoolean();
        query.stream(new ApiStreamObserver<DocumentSnapshot>() {
            @Override
            public void onNext(DocumentSnapshot snapshot) {
                put(read.apply(snapshot));
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
                @SuppressWarnings("unchecked")
                T value = (T) item;
                each.accept(value);
                count++;
                lastId = idOf.apply(value);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(e);
        } finally {
            abandoned.set(true);
        }
    }

    private RuntimeException failure(Throwable cause) {
        return collection.failure("scan " + collection.id(), cause);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(e);
        }
    }
}
