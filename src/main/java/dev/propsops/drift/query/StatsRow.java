package dev.propsops.drift.query;

import java.util.Optional;

/** One result row of a {@link StatsSql} statement, as each source's client hands it over. */
public interface StatsRow {
    /** An integer column; NULL reads as 0 (COUNT never returns NULL). */
    long getLong(String column);

    /** An array-of-numbers column; empty when NULL or empty (no present value in the period). */
    Optional<double[]> getDoubles(String column);
}
