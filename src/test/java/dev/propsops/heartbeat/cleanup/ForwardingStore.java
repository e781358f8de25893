package dev.propsops.heartbeat.cleanup;

import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** A real store with a hook: tests override one method to make something happen at a precise moment. */
class ForwardingStore implements CleanupStore {
    private final CleanupStore delegate;

    ForwardingStore(CleanupStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public void scan(Consumer<HeartbeatDoc> each) {
        delegate.scan(each);
    }

    @Override
    public void scan(IdRange range, Consumer<HeartbeatDoc> each) {
        delegate.scan(range, each);
    }

    @Override
    public Optional<Map<String, Object>> read(String id) {
        return delegate.read(id);
    }

    @Override
    public boolean createIfAbsent(String id, Map<String, Object> data) {
        return delegate.createIfAbsent(id, data);
    }

    @Override
    public Deleter deleter(RateLimiter limiter, LongConsumer onDone) {
        return delegate.deleter(limiter, onDone);
    }
}
