package dev.propsops.drift.query;

import dev.propsops.drift.check.Check;
import dev.propsops.drift.check.Feature;
import dev.propsops.drift.check.Outcome;
import dev.propsops.drift.check.Presence;
import dev.propsops.drift.check.TableRef;
import dev.propsops.drift.plan.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the one aggregate statement of a {@link StatsQuery}, in either dialect. It reads the table once,
 * filtered on the date column to the window and the baseline (so BigQuery prunes partitions), numbers each
 * row's period with a CASE over the plan's periods, and returns one row per period with, for every feature,
 * the count of present values and their quantiles. All values are named parameters; only identifiers that
 * {@link TableRef} validated are written into the text.
 *
 * <pre>
 * SELECT CASE WHEN d BETWEEN @p0_start AND @p0_end THEN 0 ... END AS period,
 *        COUNT(*) AS row_count, COUNT(DISTINCT d) AS game_days,
 *        COUNTIF(present(x0)) AS present_0, APPROX_QUANTILES(IF(present(x0), x0), 100) AS quantiles_0, ...
 * FROM table
 * WHERE (d BETWEEN @window_start AND @window_end OR d BETWEEN @baseline_start AND @baseline_end)
 *   AND ARRAY_LENGTH(features) >= @min_array_length
 * GROUP BY period
 * </pre>
 */
public final class StatsSql {
    public static final String PERIOD = "period";
    public static final String ROW_COUNT = "row_count";
    public static final String GAME_DAYS = "game_days";
    public static final String OUTCOME_GRADED = "outcome_graded";
    public static final String OUTCOME_CORRECT = "outcome_correct";

    private StatsSql() {
    }

    public static String present(int feature) {
        return "present_" + feature;
    }

    public static String quantiles(int feature) {
        return "quantiles_" + feature;
    }

    /** The statement for {@code query}; {@code tableReference} is the dialect's (quoted) name of the table. */
    public static SqlStatement build(StatsQuery query, Dialect d, String tableReference) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        String date = d.quote(query.dateColumn());
        List<Period> periods = query.plan().periods();
        StringBuilder sql = new StringBuilder("SELECT\n  CASE\n");
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            sql.append("    WHEN ").append(date).append(" BETWEEN ").append(d.bind("p" + i + "_start", p.start(), values, order))
                    .append(" AND ").append(d.bind("p" + i + "_end", p.end(), values, order)).append(" THEN ").append(i).append('\n');
        }
        sql.append("  END AS ").append(PERIOD).append(",\n");
        sql.append("  COUNT(*) AS ").append(ROW_COUNT).append(",\n");
        sql.append("  COUNT(DISTINCT ").append(date).append(") AS ").append(GAME_DAYS);
        List<Feature> features = query.features();
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            String value = f.isArrayElement() ? d.element(query.check().orElseThrow().arrayColumn().orElseThrow(), f.position())
                    : d.quote(f.name());
            String present = f.presence() == Presence.NOT_NULL_NOR_ZERO
                    ? "(" + value + " IS NOT NULL AND " + value + " <> 0)" : value + " IS NOT NULL";
            sql.append(",\n  COUNTIF(").append(present).append(") AS ").append(present(i));
            sql.append(",\n  ").append(d.quantiles("CASE WHEN " + present + " THEN " + value + " END")).append(" AS ").append(quantiles(i));
        }
        if (query.outcome().isPresent()) {
            Outcome o = query.outcome().get();
            String correct = d.quote(o.correctColumn());
            // referenced twice: DuckDB binds the parameter once per reference, by position
            java.util.function.Supplier<String> filter = () -> o.filterColumn().map(c -> " AND " + d.quote(c) + " = "
                    + d.bind("outcome_filter", o.filterValue().orElseThrow(), values, order)).orElse("");
            sql.append(",\n  COUNTIF(").append(correct).append(" IS NOT NULL").append(filter.get()).append(") AS ").append(OUTCOME_GRADED);
            sql.append(",\n  COUNTIF(").append(correct).append(" IS TRUE").append(filter.get()).append(") AS ").append(OUTCOME_CORRECT);
        }
        Period window = query.plan().window();
        Period baseline = query.plan().baselineRange();
        sql.append("\nFROM ").append(tableReference).append('\n');
        sql.append("WHERE (").append(date).append(" BETWEEN ").append(d.bind("window_start", window.start(), values, order))
                .append(" AND ").append(d.bind("window_end", window.end(), values, order))
                .append("\n    OR ").append(date).append(" BETWEEN ").append(d.bind("baseline_start", baseline.start(), values, order))
                .append(" AND ").append(d.bind("baseline_end", baseline.end(), values, order)).append(')');
        Check check = query.check().orElse(null);
        if (check != null && check.arrayColumn().isPresent()) {
            sql.append("\n  AND ").append(d.arrayLength(check.arrayColumn().get())).append(" >= ")
                    .append(d.bind("min_array_length", (long) check.minArrayLength(), values, order));
        }
        sql.append("\nGROUP BY ").append(PERIOD).append("\nORDER BY ").append(PERIOD);
        return new SqlStatement(sql.toString(), values, order);
    }
}
