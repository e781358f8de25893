package dev.propsops.drift.plan;

import dev.propsops.cli.OpsException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns --month / --from / --to and --baseline into a {@link ComparisonPlan}. Windows end yesterday at the
 * latest (today's games are still being written) and span at most 12 months, so a previous-season baseline
 * never overlaps the window it is compared with.
 */
public final class ComparisonPlanner {
    static final int MAX_MONTHS = 12;

    private ComparisonPlanner() {
    }

    /**
     * The window: a month, a range, or by default the month of yesterday (on the 1st, the month just ended).
     */
    public static ComparisonPlan plan(Optional<YearMonth> month, Optional<LocalDate> from, Optional<LocalDate> to,
            Baseline baseline, LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        if (month.isPresent() && (from.isPresent() || to.isPresent())) {
            throw OpsException.usage("--month and --from/--to are alternatives", "give either --month YYYY-MM or --from DATE [--to DATE]");
        }
        if (to.isPresent() && from.isEmpty()) {
            throw OpsException.usage("--to needs --from", "give --from DATE as well, or use --month YYYY-MM");
        }
        boolean monthMode = from.isEmpty();
        LocalDate start;
        LocalDate end;
        if (monthMode) {
            YearMonth m = month.orElse(YearMonth.from(yesterday));
            start = m.atDay(1);
            end = min(m.atEndOfMonth(), yesterday);
            if (start.isAfter(yesterday)) {
                throw OpsException.usage("--month " + m + " has no complete day yet (the last complete day is " + yesterday + ")",
                        "pick a month up to " + YearMonth.from(yesterday));
            }
        } else {
            start = from.get();
            end = to.orElse(yesterday);
            if (to.isPresent() && start.isAfter(end)) {
                throw OpsException.usage("--from " + start + " is after --to " + end, "swap them, or use --month YYYY-MM");
            }
            if (start.isAfter(yesterday)) {
                throw OpsException.usage("--from " + start + " has no complete day yet (the last complete day is " + yesterday + ")",
                        "pick dates up to " + yesterday);
            }
            end = min(end, yesterday);
        }
        long months = ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) + 1;
        if (months > MAX_MONTHS) {
            throw OpsException.usage("the window " + start + ".." + end + " spans " + months + " months; at most " + MAX_MONTHS,
                    "check a year or less at a time");
        }
        List<Period> currents = months(start, end);
        List<Comparison> comparisons = new ArrayList<>();
        for (Period current : currents) {
            comparisons.add(new Comparison(current, baselineOf(current, baseline, monthMode, start, end, yesterday)));
        }
        Period window = new Period("window", start, end);
        for (Comparison c : comparisons) {
            if (c.baseline().overlaps(window)) {
                throw OpsException.usage("the baseline " + c.baseline().range() + " overlaps the window " + window.range(),
                        "pick a baseline month outside the window, or use --baseline previous-season");
            }
        }
        return new ComparisonPlan(start, end, baseline, comparisons);
    }

    private static Period baselineOf(Period current, Baseline baseline, boolean monthMode, LocalDate start, LocalDate end,
            LocalDate yesterday) {
        return switch (baseline.kind()) {
            case PREVIOUS_SEASON -> {
                LocalDate s = current.start().minusYears(1);
                yield new Period(YearMonth.from(s).toString(), s, current.end().minusYears(1));
            }
            case PREVIOUS_WINDOW -> {
                if (monthMode) {
                    YearMonth prev = YearMonth.from(start).minusMonths(1);
                    yield new Period(prev.toString(), prev.atDay(1), prev.atEndOfMonth());
                }
                long days = ChronoUnit.DAYS.between(start, end) + 1;
                LocalDate s = start.minusDays(days);
                LocalDate e = start.minusDays(1);
                yield new Period(s + ".." + e, s, e);
            }
            case MONTH -> {
                YearMonth m = baseline.month().orElseThrow();
                if (m.atDay(1).isAfter(yesterday)) {
                    throw OpsException.usage("--baseline " + m + " has no complete day yet", "pick a past month");
                }
                yield new Period(m.toString(), m.atDay(1), min(m.atEndOfMonth(), yesterday));
            }
        };
    }

    /** The calendar months of [start, end], the first and last clipped to it. */
    static List<Period> months(LocalDate start, LocalDate end) {
        List<Period> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start); !m.atDay(1).isAfter(end); m = m.plusMonths(1)) {
            out.add(new Period(m.toString(), max(m.atDay(1), start), min(m.atEndOfMonth(), end)));
        }
        return out;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
