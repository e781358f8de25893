import dev.propsops.drift.ConfiguredChecks;
import dev.propsops.drift.DriftConfig;
import dev.propsops.drift.check.Check;
import dev.propsops.drift.check.Feature;
import dev.propsops.drift.demo.FeatureStoreGenerator;
import dev.propsops.drift.demo.PlatformData;
import dev.propsops.drift.duckdb.DuckDbStatsSource;
import dev.propsops.drift.plan.Baseline;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.ComparisonPlanner;
import dev.propsops.drift.plan.Period;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.stats.Measurements;
import dev.propsops.sport.Sport;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * drift-check on DuckDB: one aggregate query for all 33 features (what drift-check sends) against one query
 * per feature (the handoff's way), and against the UNNEST ... WITH OFFSET shape, on the same 5 million rows,
 * in the same run, through the real DuckDbStatsSource and the shipped configuration.
 * Run with src/bench/drift-check/run.sh.
 */
public class DriftCheckBench {
    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(arg(args, "--rows", "5000000"));
        int runs = Integer.parseInt(arg(args, "--runs", "3"));
        Path work = Files.createDirectories(Path.of(arg(args, "--work", "src/bench/work/drift-check")));
        Path db = work.resolve("feature-store-" + rows + ".duckdb");

        // two Januaries, a season apart: every row falls in the window or its baseline, none is pruned away
        int perDay = (int) Math.ceil(rows / 62.0);
        FeatureStoreGenerator data = new FeatureStoreGenerator(42)
                .month(YearMonth.of(2025, 1), FeatureStoreGenerator.Shape.of(perDay, 0.994).withShortArrays(0.01))
                .month(YearMonth.of(2026, 1), FeatureStoreGenerator.Shape.of(perDay, 0.434).withShortArrays(0.01));
        if (!Files.exists(db)) {
            long t0 = System.nanoTime();
            try (DuckDBConnection c = PlatformData.connect(db)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA nba_predictions");
                    s.execute("CREATE TABLE nba_predictions.ml_feature_store_v2 (game_date DATE, player_lookup VARCHAR, features DOUBLE[])");
                }
                try (DuckDBAppender a = c.createAppender("nba_predictions", "ml_feature_store_v2")) {
                    data.generate(r -> {
                        try {
                            a.beginRow().append(r.gameDate()).append(r.playerLookup()).append(r.features()).endRow();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
            System.out.printf(Locale.ROOT, "generated %,d rows x 33 features into %s in %.1f s%n", data.size(), db, secs(t0));
        } else {
            System.out.printf(Locale.ROOT, "reusing %s (%,d rows)%n", db, data.size());
        }

        DriftConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(DriftCheckBench.class.getClassLoader().getResource("application.properties"), 100))
                .withMapping(DriftConfig.class).build().getConfigMapping(DriftConfig.class);
        Check store = ConfiguredChecks.of(config, Sport.nba).checks().stream().filter(c -> c.name().equals("feature-store")).findFirst().orElseThrow();
        ComparisonPlan plan = ComparisonPlanner.plan(Optional.of(YearMonth.of(2026, 1)), Optional.empty(), Optional.empty(),
                Baseline.PREVIOUS_SEASON, LocalDate.of(2026, 2, 2));
        StatsQuery all = new StatsQuery(store.table(), store.dateColumn(), Optional.of(store), Optional.empty(), plan);
        List<StatsQuery> perFeature = new ArrayList<>();
        for (Feature f : store.features()) {
            Check one = new Check(store.name(), store.table(), store.dateColumn(), store.arrayColumn(), store.minArrayLength(), List.of(f),
                    store.bootstrap(), store.rowThresholds());
            perFeature.add(new StatsQuery(store.table(), store.dateColumn(), Optional.of(one), Optional.empty(), plan));
        }
        System.out.printf(Locale.ROOT, "DuckDB %s, %d cores, JVM heap max %d MB%n", duckDbVersion(db), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        try (DuckDbStatsSource source = DuckDbStatsSource.database(db); Connection raw = PlatformData.connect(null)) {
            source.preflight(List.of(all));
            // correctness first: both ways must measure the same present counts
            Measurements one = source.measure(all);
            for (int i = 0; i < perFeature.size(); i++) {
                Measurements m = source.measure(perFeature.get(i));
                for (Period p : plan.periods()) {
                    if (m.of(p).features().get(0).present() != one.of(p).features().get(i).present()) {
                        throw new IllegalStateException("per-feature and all-feature counts differ for " + store.features().get(i).name());
                    }
                }
            }
            try (Statement s = raw.createStatement()) {
                s.execute("ATTACH '" + db.toAbsolutePath() + "' AS fs (READ_ONLY)");
            }
            String unnest = unnestSql(db);
            double[] a = new double[runs];
            double[] b = new double[runs];
            double[] u = new double[runs];
            for (int run = 0; run < runs; run++) {
                long t0 = System.nanoTime();
                source.measure(all);
                a[run] = secs(t0);
                t0 = System.nanoTime();
                for (StatsQuery q : perFeature) {
                    source.measure(q);
                }
                b[run] = secs(t0);
                t0 = System.nanoTime();
                runUnnest(raw, unnest, plan);
                u[run] = secs(t0);
                System.out.printf(Locale.ROOT, "run %d: one query %.2f s | 33 queries %.2f s (%.1fx) | UNNEST one query %.2f s (%.1fx)%n",
                        run + 1, a[run], b[run], b[run] / a[run], u[run], u[run] / a[run]);
            }
            double[] perFeatureRatio = new double[runs];
            double[] unnestRatio = new double[runs];
            for (int run = 0; run < runs; run++) {
                perFeatureRatio[run] = b[run] / a[run];
                unnestRatio[run] = u[run] / a[run];
            }
            // the three ways share a run's machine load, so the per-run ratio is the figure to trust on a busy machine
            System.out.printf(Locale.ROOT, "median of %d runs: one query for all features %.2f s; one query per feature %.2f s; UNNEST %.2f s%n",
                    runs, median(a), median(b), median(u));
            System.out.printf(Locale.ROOT, "median per-run ratio: one query per feature is %.1fx slower (runs %s); UNNEST is %.1fx slower (runs %s)%n",
                    median(perFeatureRatio), ratios(perFeatureRatio), median(unnestRatio), ratios(unnestRatio));
        }
    }

    /** The same measures in the long shape: one row per period and feature position. */
    static String unnestSql(Path db) {
        StringBuilder probs = new StringBuilder("[");
        for (int i = 0; i <= 100; i++) {
            probs.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", i / 100.0));
        }
        probs.append(']');
        String present = "(CASE WHEN k IN (25, 26) THEN v IS NOT NULL AND v <> 0 ELSE v IS NOT NULL END)";
        return "SELECT period, k, COUNT(*) AS row_count, COUNT(DISTINCT game_date) AS game_days, COUNTIF(" + present + ") AS present, "
                + "reservoir_quantile(CASE WHEN " + present + " THEN v END, " + probs + ") AS quantiles FROM ("
                + "SELECT CASE WHEN game_date BETWEEN ? AND ? THEN 0 WHEN game_date BETWEEN ? AND ? THEN 1 END AS period, game_date, "
                + "unnest(features[1:33]) AS v, generate_subscripts(features[1:33], 1) - 1 AS k "
                + "FROM fs.nba_predictions.ml_feature_store_v2 "
                + "WHERE (game_date BETWEEN ? AND ? OR game_date BETWEEN ? AND ?) AND len(features) >= 33) GROUP BY period, k";
    }

    static void runUnnest(Connection raw, String sql, ComparisonPlan plan) throws Exception {
        List<Period> p = plan.periods();
        try (PreparedStatement ps = raw.prepareStatement(sql)) {
            Object[] values = { p.get(0).start(), p.get(0).end(), p.get(1).start(), p.get(1).end(), plan.from(), plan.to(),
                    plan.baselineRange().start(), plan.baselineRange().end() };
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                if (n != 66) {
                    throw new IllegalStateException("UNNEST returned " + n + " rows, expected 2 periods x 33 features");
                }
            }
        }
    }

    static String duckDbVersion(Path db) throws Exception {
        try (Connection c = PlatformData.connect(null); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String ratios(double[] r) {
        StringBuilder sb = new StringBuilder();
        for (double x : r) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1fx", x));
        }
        return sb.toString();
    }

    static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
