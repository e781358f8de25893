package dev.propsops.drift;

import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.Explanation;
import dev.propsops.cli.StoreException;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.query.ScheduleQuery;
import dev.propsops.drift.season.ScheduleRead;
import java.util.Optional;

/**
 * The schedule of one run, read in two steps: its preflight before the figures' (so that on BigQuery its
 * dry run counts in the byte budget), its one query after. A failure at either step is no reason to stop,
 * only to say so: the run goes on with the configured seasons.
 */
final class ScheduleReading {
    private final Optional<ScheduleQuery> query;
    private final ScheduleSource source;
    private Optional<ScheduleRead> failed = Optional.empty();

    ScheduleReading(ConfiguredSeasons seasons, ComparisonPlan plan, ScheduleSource source) {
        this.query = seasons.schedule().map(s -> ScheduleQuery.around(s, plan));
        this.source = source;
    }

    void preflight() {
        query.ifPresent(q -> {
            try {
                source.preflight(q);
            } catch (StoreException e) {
                failed = Optional.of(unreadable(q, e));
            }
        });
    }

    ScheduleRead read() {
        if (query.isEmpty()) {
            return ScheduleRead.notConfigured();
        }
        ScheduleQuery q = query.get();
        if (failed.isPresent()) {
            return failed.get();
        }
        try {
            return ScheduleRead.read(q.spec(), source.seasons(q));
        } catch (StoreException e) {
            return unreadable(q, e);
        }
    }

    private static ScheduleRead unreadable(ScheduleQuery q, StoreException e) {
        Explanation x = ErrorExplainer.explain(e);
        return ScheduleRead.unreadable(q.spec(), x.message(), x.fix());
    }
}
