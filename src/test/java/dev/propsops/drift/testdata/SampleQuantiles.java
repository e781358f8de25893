package dev.propsops.drift.testdata;

import dev.propsops.drift.stats.Quantiles;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/** Quantiles of generated samples, for the tests of the distribution maths and of the verdicts built on them. */
public final class SampleQuantiles {
    private SampleQuantiles() {
    }

    /** Exact nearest-rank quantiles at 0, 0.01, .., 1 of a sample, as the sources return them. */
    public static Quantiles sample(int n, DoubleSupplier draw) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = draw.getAsDouble();
        }
        Arrays.sort(v);
        double[] q = new double[101];
        for (int i = 0; i <= 100; i++) {
            q[i] = v[(int) Math.round(i / 100.0 * (n - 1))];
        }
        return new Quantiles(q);
    }

    public static Quantiles normal(long seed, double mean, double sd) {
        SplittableRandom r = new SplittableRandom(seed);
        return sample(20_000, () -> mean + sd * r.nextGaussian());
    }

    public static Quantiles flag(long seed, double yes) {
        SplittableRandom r = new SplittableRandom(seed);
        return sample(20_000, () -> r.nextDouble() < yes ? 1 : 0);
    }
}
