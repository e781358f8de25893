package dev.propsops.drift.stats;

import java.util.Arrays;

/**
 * A distribution summarised by its quantiles at equal steps: {@code values[i]} is the value at probability
 * {@code i / (n - 1)}, as BigQuery's {@code APPROX_QUANTILES(x, 100)} (101 values) and DuckDB's
 * {@code approx_quantile(x, [0, 0.01, .., 1])} return them. The CDF between two points is linear; a value
 * repeated over several points is an atom (e.g. the 0 of a yes/no feature) and keeps its mass.
 */
public final class Quantiles {
    private final double[] values;

    public Quantiles(double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("need at least 2 quantiles, got " + values.length);
        }
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] >= values[i - 1])) {
                throw new IllegalArgumentException("quantiles must be ascending: " + values[i - 1] + " then " + values[i] + " at " + i);
            }
        }
        this.values = values.clone();
    }

    public int size() {
        return values.length;
    }

    private double step() {
        return 1.0 / (values.length - 1);
    }

    /** The value at probability p (0..1), on the grid. */
    public double at(double p) {
        return values[(int) Math.round(p * (values.length - 1))];
    }

    public double median() {
        return at(0.5);
    }

    /** P(X <= x). */
    public double cdf(double x) {
        int last = values.length - 1;
        if (x < values[0]) {
            return 0;
        }
        if (x >= values[last]) {
            return 1;
        }
        int i = lastAtMost(x);
        return i * step() + (x - values[i]) / (values[i + 1] - values[i]) * step();
    }

    /** P(X < x): differs from {@link #cdf} only at an atom. */
    public double cdfBelow(double x) {
        int last = values.length - 1;
        if (x <= values[0]) {
            return 0;
        }
        if (x > values[last]) {
            return 1;
        }
        int j = firstAtLeast(x);
        return (j - 1) * step() + (x - values[j - 1]) / (values[j] - values[j - 1]) * step();
    }

    private int lastAtMost(double x) {
        int lo = 0;
        int hi = values.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (values[mid] <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private int firstAtLeast(double x) {
        int lo = 0;
        int hi = values.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] >= x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantiles q && Arrays.equals(values, q.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Quantiles" + Arrays.toString(values);
    }
}
