package dev.propsops.drift.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Population stability index of a month against its baseline, over the baseline's decile bins:
 * {@code sum((cur - base) * ln(cur / base))}, empty bins floored at 0.0001 as usual.
 *
 * <p>Bins are right-closed, {@code (-inf, d1], (d1, d2], ..., (d9, +inf)} at the baseline's distinct deciles.
 * A decile value that holds at least 5% of the baseline on its own (the 1 of a yes/no flag, the 0 placeholder
 * of a missing line) gets a bin of its own, so a flag going from 99% to 43% "yes" is a shift even though
 * every baseline decile is 1. Smaller atoms (half-point prop lines) are not split: with quantiles on a 1%
 * grid their mass is only known to a point or so, and tiny bins would turn that into noise.
 */
public final class Psi {
    static final double FLOOR = 1e-4;
    static final double ATOM = 0.05;

    private Psi() {
    }

    public static double of(Quantiles baseline, Quantiles current) {
        List<Cut> cuts = cuts(baseline);
        double[] b = masses(baseline, cuts);
        double[] c = masses(current, cuts);
        double psi = 0;
        for (int i = 0; i < b.length; i++) {
            double pb = Math.max(b[i], FLOOR);
            double pc = Math.max(c[i], FLOOR);
            psi += (pc - pb) * Math.log(pc / pb);
        }
        return psi;
    }

    /** A bin boundary: just below a value (opening an atom's own bin) or at it (closing a bin). */
    record Cut(double value, boolean below) {
    }

    static List<Cut> cuts(Quantiles baseline) {
        TreeSet<Double> deciles = new TreeSet<>();
        for (int d = 1; d <= 9; d++) {
            deciles.add(baseline.at(d / 10.0));
        }
        List<Cut> cuts = new ArrayList<>();
        for (double e : deciles) {
            if (baseline.cdf(e) - baseline.cdfBelow(e) >= ATOM) {
                cuts.add(new Cut(e, true));
            }
            cuts.add(new Cut(e, false));
        }
        return cuts;
    }

    /** The mass of each bin between consecutive cuts, then above the last. */
    static double[] masses(Quantiles q, List<Cut> cuts) {
        double[] out = new double[cuts.size() + 1];
        double previous = 0;
        for (int i = 0; i < cuts.size(); i++) {
            Cut cut = cuts.get(i);
            double f = cut.below() ? q.cdfBelow(cut.value()) : q.cdf(cut.value());
            out[i] = Math.max(0, f - previous);
            previous = Math.max(previous, f);
        }
        out[cuts.size()] = Math.max(0, 1 - previous);
        return out;
    }
}
