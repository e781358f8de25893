package dev.propsops.drift.testdata;

import dev.propsops.drift.demo.FeatureStoreGenerator;
import dev.propsops.drift.demo.PlatformData;
import dev.propsops.drift.plan.Baseline;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.ComparisonPlanner;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Issue 9's case: today is 2026-12-01 and the shipped calendar ends at 2025-26. The feature store's
 * 2025-26 rows start on 2025-11-04 (opening night 2025-10-21 plus 14 bootstrap days), its 2026-27 rows on
 * 2026-11-10 (opening night 2026-10-27, later than the year before); the schedule has both seasons.
 */
public final class SeasonsFromScheduleData {
    public static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    public static final LocalDate OPENING_2025 = LocalDate.of(2025, 10, 21);
    public static final LocalDate OPENING_2026 = LocalDate.of(2026, 10, 27);
    /** --from 2026-11-01 --to 2026-11-08: before the 2026-27 rows, inside its bootstrap. */
    public static final ComparisonPlan ISSUE_WINDOW = ComparisonPlanner.plan(Optional.empty(), Optional.of(LocalDate.of(2026, 11, 1)),
            Optional.of(LocalDate.of(2026, 11, 8)), Baseline.PREVIOUS_SEASON, LocalDate.of(2026, 12, 1));

    private SeasonsFromScheduleData() {
    }

    public static PlatformData nextSeason() {
        return new PlatformData().nbaSeason(OPENING_2025, LocalDate.of(2026, 6, 14), FeatureStoreGenerator.Shape.of(120, 0.994), 0.74)
                .nbaSeason(OPENING_2026, LocalDate.of(2026, 11, 30), FeatureStoreGenerator.Shape.of(120, 0.994), 0.74);
    }

    /** 2024-25 whole; in 2025-26 the store stops being written after 2026-01-15 while the games go on. */
    public static PlatformData stopsMidSeason() {
        return new PlatformData().nbaSeason(LocalDate.of(2024, 10, 22), LocalDate.of(2025, 6, 22), FeatureStoreGenerator.Shape.of(120, 0.994), 0.74)
                .nbaGames(OPENING_2025, LocalDate.of(2026, 6, 14))
                .nba(OPENING_2025.plusDays(PlatformData.BOOTSTRAP_DAYS), LocalDate.of(2026, 1, 15), FeatureStoreGenerator.Shape.of(120, 0.994), 0.74);
    }
}
