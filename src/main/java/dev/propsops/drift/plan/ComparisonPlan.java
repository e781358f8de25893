package dev.propsops.drift.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The window split into months, each with its baseline. Every period is measured once: the SQL groups rows
 * by {@link #periods()} index, and a previous-window baseline shared by several months is one period.
 */
public record ComparisonPlan(LocalDate from, LocalDate to, Baseline baseline, List<Comparison> comparisons) {
    public ComparisonPlan {
        comparisons = List.copyOf(comparisons);
    }

    /** Current months first, then the distinct baseline periods; positions are the SQL's period numbers. */
    public List<Period> periods() {
        List<Period> periods = new ArrayList<>();
        comparisons.forEach(c -> periods.add(c.current()));
        comparisons.forEach(c -> {
            if (!periods.contains(c.baseline())) {
                periods.add(c.baseline());
            }
        });
        return periods;
    }

    public int indexOf(Period p) {
        return periods().indexOf(p);
    }

    public Period window() {
        return new Period("window", from, to);
    }

    /** The baseline days as one range (baseline periods are contiguous by construction). */
    public Period baselineRange() {
        List<Period> b = comparisons.stream().map(Comparison::baseline).sorted(Comparator.comparing(Period::start)).toList();
        return new Period("baseline", b.get(0).start(), b.stream().map(Period::end).max(Comparator.naturalOrder()).orElseThrow());
    }
}
