package dev.propsops.drift.plan;

import dev.propsops.cli.OpsException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a month is compared with: the same calendar month of the previous season (default: a month's data
 * follows the season's rhythm, so last January is the fair yardstick for this January), the window just
 * before, or one explicit month.
 */
public record Baseline(Kind kind, Optional<YearMonth> month) {
    public enum Kind {
        PREVIOUS_SEASON,
        PREVIOUS_WINDOW,
        MONTH
    }

    public static final Baseline PREVIOUS_SEASON = new Baseline(Kind.PREVIOUS_SEASON, Optional.empty());
    public static final Baseline PREVIOUS_WINDOW = new Baseline(Kind.PREVIOUS_WINDOW, Optional.empty());

    public static Baseline month(YearMonth month) {
        return new Baseline(Kind.MONTH, Optional.of(month));
    }

    /** {@code previous-season}, {@code previous-window} or {@code YYYY-MM}; anything else is a usage error. */
    public static Baseline parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.equals("previous-season")) {
            return PREVIOUS_SEASON;
        }
        if (v.equals("previous-window")) {
            return PREVIOUS_WINDOW;
        }
        try {
            if (v.matches("\\d{4}-\\d{2}")) {
                return month(YearMonth.parse(v));
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw OpsException.usage("--baseline '" + value + "' is not previous-season, previous-window or a month YYYY-MM",
                "e.g. --baseline previous-season (the default), --baseline previous-window or --baseline 2025-01");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PREVIOUS_SEASON -> "previous-season";
            case PREVIOUS_WINDOW -> "previous-window";
            case MONTH -> month.orElseThrow().toString();
        };
    }
}
