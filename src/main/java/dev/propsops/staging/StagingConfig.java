package dev.propsops.staging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code ops.staging.*}: the defaults of staging-prune; each has a command-line option that overrides it. */
@ConfigMapping(prefix = "ops.staging")
public interface StagingConfig {
    /** Which table names are staging tables (a regular expression, searched anywhere in the name). */
    @WithDefault(NamePolicy.DEFAULT_PATTERN)
    String pattern();

    /**
     * Tables never touched, whatever their name or age: regular expressions searched in the table name and
     * in {@code dataset.table}.
     */
    Optional<List<String>> protectPatterns();

    /** A staging table is a candidate once unmodified for longer than this. */
    @WithDefault("30d")
    Duration olderThan();

    /** {@code expire}: how long the table's owner has before BigQuery deletes it. */
    @WithDefault("7d")
    Duration grace();

    /** {@code lifecycle}: a staging table expires this long after its last modification. */
    @WithDefault("90d")
    Duration lifecycleAfter();

    /** A plan that would change more tables than this acts on nothing and exits 3. */
    @WithDefault("50")
    int maxTables();

    /** Where {@code delete} appends its restore manifest (JSON lines). */
    @WithDefault("staging-prune-restore.jsonl")
    String manifest();

    Price price();

    /** Storage prices in USD per GiB-month, logical (uncompressed) bytes as __TABLES__ reports them. */
    interface Price {
        @WithDefault("0.02")
        double activeGibMonth();

        @WithDefault("0.01")
        double longTermGibMonth();
    }
}
