package dev.propsops.heartbeat.cleanup;

import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** What the cleanup needs from the heartbeat collection; one implementation per backend. */
public interface CleanupStore {
    /** Where the collection lives, for messages. */
    String describe();

    /** Number of documents, from an aggregation (cheap: no document is read). */
    long count();

    /** Every document, in id order, a page at a time: only the fields a {@link HeartbeatDoc} holds. */
    void scan(Consumer<HeartbeatDoc> each);

    /** The documents whose id lies in {@code range}, like {@link #scan}. */
    void scan(IdRange range, Consumer<HeartbeatDoc> each);

    /** The whole data of one document, empty when it does not exist. */
    Optional<Map<String, Object>> read(String id);

    /** Creates the document unless it exists: true when created, false when it was already there. */
    boolean createIfAbsent(String id, Map<String, Object> data);

    /** A pipeline of deletes, each conditional on the update time the doc had when it was seen. */
    Deleter deleter(RateLimiter limiter, LongConsumer onDone);

    interface Deleter extends AutoCloseable {
        /** Queues a delete; may block while the pipeline is full. Throws once the pipeline has failed. */
        void delete(String id, Instant seenUpdateTime);

        /** Sends what is queued, waits for every delete, and returns the counts; throws if the pipeline failed. */
        DeleteCounts finish();

        /** Stops without waiting (after a failure elsewhere). */
        @Override
        void close();
    }

    /**
     * @param deleted docs deleted
     * @param skipped docs not deleted because they changed or vanished since they were seen (precondition)
     */
    record DeleteCounts(long deleted, long skipped) {
    }
}
