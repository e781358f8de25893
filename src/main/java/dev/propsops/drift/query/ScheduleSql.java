package dev.propsops.drift.query;

import dev.propsops.drift.season.ScheduleSpec;
import dev.propsops.drift.season.ScheduledSeason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one small aggregate over a schedule table, in either dialect: its distinct game days in the scanned
 * range, each with the game day before it ({@code LAG}), keeping those at least the off-season gap after
 * it: the season starts. The first game day of the range counts when it lies the gap after the range's
 * start. Each row also carries the game day before it (the previous season's last) and the range's last
 * game day, so every season's span is known.
 *
 * <pre>
 * SELECT season_start, previous_game_day, last_game_day FROM (
 *   SELECT game_day AS season_start, LAG(game_day) OVER (ORDER BY game_day) AS previous_game_day,
 *          MAX(game_day) OVER () AS last_game_day
 *   FROM (SELECT DISTINCT d AS game_day FROM schedule WHERE d BETWEEN @scan_start AND @scan_end [AND filter])
 * ) WHERE DATE_DIFF(season_start, COALESCE(previous_game_day, @scan_start), DAY) >= @gap_days
 * </pre>
 */
public final class ScheduleSql {
    public static final String SEASON_START = "season_start";
    public static final String PREVIOUS_GAME_DAY = "previous_game_day";
    public static final String LAST_GAME_DAY = "last_game_day";

    /** One result row, as each source's client reads it. */
    public record Row(LocalDate seasonStart, Optional<LocalDate> previousGameDay, LocalDate lastGameDay) {
    }

    private ScheduleSql() {
    }

    public static SqlStatement build(ScheduleQuery query, Dialect d, String tableReference) {
        ScheduleSpec spec = query.spec();
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        String date = d.quote(spec.dateColumn());
        StringBuilder sql = new StringBuilder();
        sql.append("SELECT ").append(SEASON_START).append(", ").append(PREVIOUS_GAME_DAY).append(", ").append(LAST_GAME_DAY).append('\n');
        sql.append("FROM (\n");
        sql.append("  SELECT game_day AS ").append(SEASON_START).append(",\n");
        sql.append("    LAG(game_day) OVER (ORDER BY game_day) AS ").append(PREVIOUS_GAME_DAY).append(",\n");
        sql.append("    MAX(game_day) OVER () AS ").append(LAST_GAME_DAY).append('\n');
        sql.append("  FROM (\n");
        sql.append("    SELECT DISTINCT ").append(date).append(" AS game_day\n");
        sql.append("    FROM ").append(tableReference).append('\n');
        sql.append("    WHERE ").append(date).append(" BETWEEN ").append(d.bind("scan_start", query.scanStart(), values, order))
                .append(" AND ").append(d.bind("scan_end", query.scanEnd(), values, order));
        if (spec.filterColumn().isPresent()) {
            sql.append("\n      AND ").append(d.asText(d.quote(spec.filterColumn().get()))).append(" = ")
                    .append(d.bind("schedule_filter", spec.filterValue().orElseThrow(), values, order));
        }
        sql.append("\n  ) AS game_days\n");
        sql.append(") AS gaps\n");
        // the range's start stands in for the game day before the first one: a first day the gap into the range is a start
        sql.append("WHERE ").append(d.daysBetween("COALESCE(" + PREVIOUS_GAME_DAY + ", " + d.bind("scan_start", query.scanStart(), values, order)
                + ")", SEASON_START)).append(" >= ").append(d.bind("gap_days", (long) spec.offSeasonGapDays(), values, order)).append('\n');
        sql.append("ORDER BY ").append(SEASON_START);
        return new SqlStatement(sql.toString(), values, order);
    }

    /** The seasons the rows show: each lasts until the game day before the next one's start, the last until the range's last game day. */
    public static List<ScheduledSeason> seasons(List<Row> rows) {
        List<Row> sorted = rows.stream().sorted(java.util.Comparator.comparing(Row::seasonStart)).toList();
        List<ScheduledSeason> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Row r = sorted.get(i);
            LocalDate end = i + 1 < sorted.size() ? sorted.get(i + 1).previousGameDay().orElse(r.seasonStart()) : r.lastGameDay();
            out.add(new ScheduledSeason(r.seasonStart(), end.isBefore(r.seasonStart()) ? r.seasonStart() : end));
        }
        return out;
    }
}
