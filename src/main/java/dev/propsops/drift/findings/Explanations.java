package dev.propsops.drift.findings;

import dev.propsops.drift.stats.Quantiles;
import java.util.Locale;

/**
 * The plain sentences of the report, in one place: what changed, by how much, and what that most likely
 * means (e.g. coverage fell while rows per day rose: rows without the feature were added). The number
 * formats are public: the text report writes its figures the same way.
 */
public final class Explanations {
    private Explanations() {
    }

    static String coverageDrop(double baseline, double current, double rowsRatio, double presentRatio, double rowsChange) {
        String figures = "coverage " + pct(baseline) + " -> " + pct(current) + " (" + points((current - baseline) * 100) + ")";
        if (rowsRatio >= 1 + rowsChange) {
            if (presentRatio >= 1 - rowsChange) {
                return figures + " while rows/day rose " + ratio(rowsRatio) + ": rows without this feature were added";
            }
            return figures + " while rows/day rose " + ratio(rowsRatio) + " and rows with it fell to " + ratio(presentRatio)
                    + ": rows without it were added and it went missing in others";
        }
        if (rowsRatio <= 1 - rowsChange) {
            return figures + " while rows/day fell to " + ratio(rowsRatio) + " and rows with it to " + ratio(presentRatio)
                    + ": it went missing in rows that used to have it";
        }
        return figures + " with rows/day steady (" + ratio(rowsRatio) + "): it went missing in rows that used to have it";
    }

    static String coverage(double baseline, double current) {
        return "coverage " + pct(baseline) + " -> " + pct(current) + " (" + points((current - baseline) * 100) + ")";
    }

    /** The shift, with the figure that shows it best: the median, else the share of the median value, else the tails. */
    static String shift(double psi, Quantiles baseline, Quantiles current) {
        String was = value(baseline.median());
        String now = value(current.median());
        String detail;
        if (!was.equals(now)) {
            detail = "median " + was + " -> " + now;
        } else {
            double m = baseline.median();
            double shareWas = baseline.cdf(m) - baseline.cdfBelow(m);
            double shareNow = current.cdf(m) - current.cdfBelow(m);
            detail = Math.abs(shareNow - shareWas) >= 0.01
                    ? "share of " + was + " " + pct(shareWas) + " -> " + pct(shareNow)
                    : "median " + was + " unchanged; 10th-90th percentile " + value(baseline.at(0.1)) + ".." + value(baseline.at(0.9))
                            + " -> " + value(current.at(0.1)) + ".." + value(current.at(0.9));
        }
        return "distribution shifted: PSI " + psi(psi) + " (" + detail + ")";
    }

    static String rows(double baselinePerDay, double perDay) {
        double r = perDay / baselinePerDay;
        String figures = " (" + perDay(baselinePerDay) + " -> " + perDay(perDay) + " per game day)";
        if (r >= 1) {
            return "rows/day rose " + ratio(r) + figures;
        }
        return "rows/day fell to " + ratio(r) + figures;
    }

    static String outcome(OutcomeComparison o) {
        return "hit rate " + pct(o.base().hitRate().orElseThrow()) + " -> " + pct(o.current().hitRate().orElseThrow()) + " ("
                + points(o.changePoints().orElseThrow()) + ") in the same month";
    }

    public static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    public static String points(double points) {
        return String.format(Locale.ROOT, "%+.1f pts", points);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, r < 0.1 ? "%.2fx" : "%.1fx", r);
    }

    public static String psi(double psi) {
        return String.format(Locale.ROOT, "%.2f", psi);
    }

    public static String perDay(double v) {
        return String.format(Locale.ROOT, v >= 10 ? "%,.0f" : "%.1f", v);
    }

    /** A feature value, with as many decimals as its size needs. */
    static String value(double v) {
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }
}
