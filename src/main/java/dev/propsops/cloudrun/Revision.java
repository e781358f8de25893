package dev.propsops.cloudrun;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One revision of a service: when it was made, whether it became ready, what it runs and as whom. */
public record Revision(String name, String service, Optional<Instant> createTime, List<Condition> conditions,
        Optional<String> serviceAccount, List<Container> containers, Map<String, String> labels) {
    public Revision {
        conditions = List.copyOf(conditions);
        containers = List.copyOf(containers);
        labels = Map.copyOf(labels);
    }

    public boolean ready() {
        return Condition.of(conditions, "Ready").map(c -> c.state() == Condition.State.TRUE).orElse(false);
    }

    public boolean failed() {
        return Condition.of(conditions, "Ready").map(c -> c.state() == Condition.State.FALSE).orElse(false);
    }
}
