package dev.propsops.drift.stats;

import dev.propsops.drift.plan.Period;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.query.StatsRow;
import dev.propsops.drift.query.StatsSql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The result of one {@link StatsQuery}: stats per period of the plan (zero for a period without rows). */
public final class Measurements {
    private final StatsQuery query;
    private final Map<Integer, PeriodStats> byPeriod;

    private Measurements(StatsQuery query, Map<Integer, PeriodStats> byPeriod) {
        this.query = query;
        this.byPeriod = byPeriod;
    }

    /** Reads the rows of the query's statement, whichever source ran it. */
    public static Measurements read(StatsQuery query, Iterable<? extends StatsRow> rows) {
        Map<Integer, PeriodStats> byPeriod = new HashMap<>();
        int periods = query.plan().periods().size();
        for (StatsRow row : rows) {
            long period = row.getLong(StatsSql.PERIOD);
            if (period < 0 || period >= periods) {
                throw new IllegalStateException("the query returned period " + period + ", the plan has " + periods);
            }
            List<PeriodStats.FeatureStats> features = new ArrayList<>();
            for (int i = 0; i < query.features().size(); i++) {
                long present = row.getLong(StatsSql.present(i));
                Optional<Quantiles> q = present == 0 ? Optional.empty()
                        : row.getDoubles(StatsSql.quantiles(i)).map(Quantiles::new);
                features.add(new PeriodStats.FeatureStats(present, q));
            }
            Optional<PeriodStats.OutcomeStats> outcome = query.outcome().map(o -> new PeriodStats.OutcomeStats(
                    row.getLong(StatsSql.OUTCOME_GRADED), row.getLong(StatsSql.OUTCOME_CORRECT)));
            byPeriod.put((int) period, new PeriodStats(row.getLong(StatsSql.ROW_COUNT), row.getLong(StatsSql.GAME_DAYS),
                    features, outcome));
        }
        return new Measurements(query, byPeriod);
    }

    public StatsQuery query() {
        return query;
    }

    public PeriodStats of(Period p) {
        int i = query.plan().indexOf(p);
        if (i < 0) {
            throw new IllegalArgumentException("period " + p + " is not in the plan");
        }
        return byPeriod.getOrDefault(i, PeriodStats.empty(query.features().size(), query.outcome().isPresent()));
    }
}
