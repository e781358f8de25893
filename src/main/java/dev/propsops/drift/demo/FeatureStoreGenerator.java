package dev.propsops.drift.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Synthetic NBA feature-store rows (nba_predictions.ml_feature_store_v2: game_date, player_lookup, features
 * ARRAY<FLOAT64> of 33), deterministic for a seed. Each span of days has a {@link Shape}: rows per game day,
 * the share of rows with a Vegas line (0 in the Vegas features otherwise, as the real store writes), mean
 * shifts of chosen features (in standard deviations) and a share of rows with a short array.
 * Used by the tests and by the benchmark in src/bench/drift-check.
 */
public final class FeatureStoreGenerator {
    public static final int FEATURES = 33;
    public static final int HOME_AWAY = 15;
    public static final int BACK_TO_BACK = 16;
    public static final int PLAYOFF_GAME = 17;
    public static final int VEGAS_POINTS_LINE = 25;
    public static final int VEGAS_OPENING_LINE = 26;
    public static final int VEGAS_LINE_MOVE = 27;
    public static final int HAS_VEGAS_LINE = 28;

    /** How the rows of a span of days look. */
    public record Shape(int rowsPerDay, double vegasCoverage, Map<Integer, Double> meanShifts, double shortArrayShare) {
        public static Shape of(int rowsPerDay, double vegasCoverage) {
            return new Shape(rowsPerDay, vegasCoverage, Map.of(), 0);
        }

        public Shape shifted(int feature, double sds) {
            Map<Integer, Double> m = new HashMap<>(meanShifts);
            m.put(feature, sds);
            return new Shape(rowsPerDay, vegasCoverage, m, shortArrayShare);
        }

        public Shape withShortArrays(double share) {
            return new Shape(rowsPerDay, vegasCoverage, meanShifts, share);
        }
    }

    /** One generated row. */
    public record Row(LocalDate gameDate, String playerLookup, double[] features) {
    }

    private record Span(LocalDate from, LocalDate to, Shape shape) {
    }

    private final long seed;
    private final List<Span> spans = new ArrayList<>();

    public FeatureStoreGenerator(long seed) {
        this.seed = seed;
    }

    /** Rows on every day from {@code from} to {@code to}, both included. */
    public FeatureStoreGenerator days(LocalDate from, LocalDate to, Shape shape) {
        spans.add(new Span(from, to, shape));
        return this;
    }

    public FeatureStoreGenerator month(YearMonth month, Shape shape) {
        return days(month.atDay(1), month.atEndOfMonth(), shape);
    }

    /** How many rows {@link #generate} will produce. */
    public long size() {
        long n = 0;
        for (Span s : spans) {
            n += (s.to.toEpochDay() - s.from.toEpochDay() + 1) * s.shape.rowsPerDay;
        }
        return n;
    }

    public void generate(Consumer<Row> sink) {
        for (Span s : spans) {
            for (LocalDate d = s.from; !d.isAfter(s.to); d = d.plusDays(1)) {
                // one stream per day: a day's rows do not depend on what came before
                SplittableRandom r = new SplittableRandom(seed * 1_000_003L + d.toEpochDay());
                for (int p = 0; p < s.shape.rowsPerDay; p++) {
                    boolean shortArray = r.nextDouble() < s.shape.shortArrayShare;
                    sink.accept(new Row(d, "player_" + p, features(r, s.shape, shortArray)));
                }
            }
        }
    }

    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        generate(out::add);
        return out;
    }

    private static double[] features(SplittableRandom r, Shape shape, boolean shortArray) {
        double[] f = new double[FEATURES];
        for (int k = 0; k < FEATURES; k++) {
            double mean = 5 + k;
            double sd = 1 + k / 10.0;
            double v = switch (k) {
                case 4, 30 -> r.nextInt(5); // games in the last 7 days, games vs opponent
                case HOME_AWAY -> r.nextDouble() < 0.5 ? 1 : 0;
                case BACK_TO_BACK -> r.nextDouble() < 0.15 ? 1 : 0;
                case PLAYOFF_GAME -> 0; // regular season: a constant feature
                case 18, 19, 20, 21 -> r.nextDouble() * 0.5; // shot shares
                default -> mean + sd * r.nextGaussian();
            };
            f[k] = v + shape.meanShifts.getOrDefault(k, 0.0) * sd;
        }
        boolean line = r.nextDouble() < shape.vegasCoverage;
        double points = Math.max(0.5, Math.round((15 + 6 * r.nextGaussian()) * 2) / 2.0);
        double opening = line ? Math.max(0.5, points + (r.nextDouble() < 0.6 ? 0 : r.nextBoolean() ? 0.5 : -0.5)) : 0;
        f[VEGAS_POINTS_LINE] = line ? points + shape.meanShifts.getOrDefault(VEGAS_POINTS_LINE, 0.0) * 6 : 0;
        f[VEGAS_OPENING_LINE] = opening;
        f[VEGAS_LINE_MOVE] = line ? points - opening : 0;
        f[HAS_VEGAS_LINE] = line ? 1 : 0;
        if (shortArray) {
            double[] shorter = new double[20];
            System.arraycopy(f, 0, shorter, 0, shorter.length);
            return shorter;
        }
        return f;
    }
}
