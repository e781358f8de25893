package dev.propsops.drift.season;

import dev.propsops.drift.check.TableRef;
import java.util.Optional;

/**
 * Where a sport's season starts are read from: its schedule table ({@code ops.sport.<sport>.schedule.*}),
 * validated: the date column, an optional filter (regular-season games), and the off-season gap that
 * separates two seasons.
 */
public record ScheduleSpec(TableRef table, String dateColumn, Optional<String> filterColumn, Optional<String> filterValue,
        int offSeasonGapDays) {
    public ScheduleSpec {
        TableRef.requireIdentifier(dateColumn, "date column");
        filterColumn.ifPresent(c -> TableRef.requireIdentifier(c, "filter column"));
        if (filterColumn.isPresent() != filterValue.isPresent()) {
            throw new IllegalArgumentException("filter-column and filter-value go together");
        }
        if (offSeasonGapDays < 1) {
            throw new IllegalArgumentException("off-season-gap-days must be at least 1, was " + offSeasonGapDays);
        }
    }

    /** As the report names it: {@code nba_raw.nbac_schedule} or {@code mlb_raw.mlb_schedule where game_type = 'R'}. */
    public String describe() {
        return table + filterColumn.map(c -> " where " + c + " = '" + filterValue.orElse("") + "'").orElse("");
    }
}
