package dev.propsops.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code ops.audit.*}: the defaults and thresholds of infra-audit; every key is overridable by environment variable. */
@ConfigMapping(prefix = "ops.audit")
public interface AuditConfig {
    /** Default of --since. */
    @WithDefault("7d")
    Duration since();

    /** Default of --max-bytes: the most one audit query on JOBS_BY_PROJECT may scan (powers of 1024). */
    @WithDefault("10GB")
    String maxBytes();

    /** Default of --region: the Cloud Run region. */
    @WithDefault("us-west2")
    String region();

    /** The project number when no source tells it (budgets name projects by number). */
    Optional<String> projectNumber();

    Cost cost();

    Datasets datasets();

    /**
     * How often each Cloud Run job is scheduled, by job name ({@code ops.audit.job-intervals."name"=26h}); an
     * export's schedulers.json fills in the jobs not named here.
     */
    Map<String, Duration> jobIntervals();

    Buckets buckets();

    Budget budget();

    /** {@code ops.audit.cost.*}: BigQuery query cost. */
    interface Cost {
        /** On-demand price, USD per TiB billed. */
        @WithDefault("6.25")
        double pricePerTib();

        /** How many of the most expensive shapes are reported. */
        @WithDefault("10")
        int top();

        /** Projected USD per month of one shape at which it is rated; below low it is INFO. */
        @WithDefault("1000")
        double criticalUsdMonth();

        @WithDefault("200")
        double highUsdMonth();

        @WithDefault("50")
        double mediumUsdMonth();

        @WithDefault("10")
        double lowUsdMonth();
    }

    /** {@code ops.audit.datasets.*} */
    interface Datasets {
        /** A dataset no job read and no table changed for this long is unused (JOBS_BY_PROJECT keeps 180 days). */
        @WithDefault("90d")
        Duration unusedAfter();
    }

    /** {@code ops.audit.buckets.*} */
    interface Buckets {
        /** The suggested rule moves objects to Coldline at this age. */
        @WithDefault("365")
        int coldlineAfterDays();
    }

    /** {@code ops.audit.budget.*} */
    interface Budget {
        /** A budget needs an alert threshold at or below this fraction of its amount (0.8 = 80%). */
        @WithDefault("0.8")
        double maxThreshold();
    }
}
