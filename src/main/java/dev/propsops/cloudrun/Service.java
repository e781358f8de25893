package dev.propsops.cloudrun;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Cloud Run service as the jobs need it. What runs is {@link #serving()}: the revisions that serve
 * traffic, from the traffic statuses. The {@link #template()} is only what the latest deployment asked for;
 * it may describe a revision that never became ready.
 *
 * @param template the template's containers and service account, as a revision that may not exist
 * @param serving the revisions serving traffic (percent > 0), with what they run, when the source tells
 * @param servingKnown false when the source cannot tell what a serving revision runs (a gcloud export
 *        where traffic is not on the revision the template describes)
 */
public record Service(String name, String region, List<Condition> conditions, Optional<String> latestCreatedRevision,
        Optional<String> latestReadyRevision, List<TrafficShare> traffic, Revision template, List<Revision> serving,
        boolean servingKnown, Map<String, String> labels, Optional<Instant> updateTime) {
    public Service {
        conditions = List.copyOf(conditions);
        traffic = List.copyOf(traffic);
        serving = List.copyOf(serving);
        labels = Map.copyOf(labels);
    }

    public boolean ready() {
        return Condition.of(conditions, "Ready").map(c -> c.state() == Condition.State.TRUE).orElse(false);
    }

    /** The Ready condition, if the source has one. */
    public Optional<Condition> readyCondition() {
        return Condition.of(conditions, "Ready");
    }

    /** The account the service runs as: the serving revision's, else the template's. */
    public Optional<String> serviceAccount() {
        return serving.stream().map(Revision::serviceAccount).flatMap(Optional::stream).findFirst()
                .or(template::serviceAccount);
    }
}
