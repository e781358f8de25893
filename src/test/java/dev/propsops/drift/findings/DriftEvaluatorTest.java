package dev.propsops.drift.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.cli.Severity;
import dev.propsops.drift.check.Check;
import dev.propsops.drift.check.Feature;
import dev.propsops.drift.check.Presence;
import dev.propsops.drift.check.TableRef;
import dev.propsops.drift.check.Thresholds;
import dev.propsops.drift.plan.Baseline;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.ComparisonPlanner;
import dev.propsops.drift.plan.Period;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.query.StatsRow;
import dev.propsops.drift.query.StatsSql;
import dev.propsops.drift.season.SeasonCalendar;
import dev.propsops.drift.stats.Measurements;
import dev.propsops.drift.stats.PeriodStats;
import dev.propsops.drift.stats.Quantiles;
import dev.propsops.drift.testdata.SampleQuantiles;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verdicts and their one-line explanations, from figures given directly (no SQL involved). */
class DriftEvaluatorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 2, 2);
    static final SeasonCalendar NBA = new SeasonCalendar(Map.of("2024-25", LocalDate.of(2024, 10, 22), "2025-26",
            LocalDate.of(2025, 10, 21)), 14);
    static final Quantiles LINES = SampleQuantiles.normal(1, 15, 6);
    static final Quantiles LINES_AGAIN = SampleQuantiles.normal(2, 15, 6);
    static final Quantiles LINES_UP = SampleQuantiles.normal(3, 21, 6);

    private final Thresholds strictVegas = new Thresholds(2, 10, 0.1, 0.25, 0.3, 100);
    private final Check check = new Check("feature-store", TableRef.parse("nba_predictions.ml_feature_store_v2"), "game_date",
            Optional.of("features"), 2, List.of(new Feature("points_avg_last_5", 0, Presence.NOT_NULL, Thresholds.DEFAULTS),
                    new Feature("vegas_points_line", 1, Presence.NOT_NULL_NOR_ZERO, Thresholds.DEFAULTS)),
            true, Thresholds.DEFAULTS);

    /** Figures of one period: rows, game days, then per feature its present count and quantiles. */
    record Side(long rows, long days, long present0, Quantiles q0, long present1, Quantiles q1) {
    }

    static Side side(long rows, long days, long present0, long present1) {
        return new Side(rows, days, present0, present0 == 0 ? null : LINES, present1, present1 == 0 ? null : LINES);
    }

    private List<Finding> evaluate(Check c, String month, Side current, Side baseline) {
        return evaluate(c, month, current, baseline, Map.of());
    }

    private List<Finding> evaluate(Check c, String month, Side current, Side baseline, Map<Period, OutcomeComparison> outcomes) {
        return evaluate(NBA, TODAY, c, month, current, baseline, outcomes);
    }

    private List<Finding> evaluate(SeasonCalendar calendar, LocalDate today, Check c, String month, Side current, Side baseline,
            Map<Period, OutcomeComparison> outcomes) {
        ComparisonPlan plan = ComparisonPlanner.plan(Optional.of(YearMonth.parse(month)), Optional.empty(), Optional.empty(),
                Baseline.PREVIOUS_SEASON, today);
        StatsQuery q = new StatsQuery(c.table(), c.dateColumn(), Optional.of(c), Optional.empty(), plan);
        List<StatsRow> rows = new ArrayList<>();
        for (int period = 0; period < 2; period++) {
            Side s = period == 0 ? current : baseline;
            if (s.rows() > 0) {
                rows.add(row(period, s));
            }
        }
        return new DriftEvaluator(calendar).evaluate(c, Measurements.read(q, rows), outcomes);
    }

    static StatsRow row(int period, Side s) {
        Map<String, Long> longs = new HashMap<>(Map.of(StatsSql.PERIOD, (long) period, StatsSql.ROW_COUNT, s.rows(),
                StatsSql.GAME_DAYS, s.days(), StatsSql.present(0), s.present0(), StatsSql.present(1), s.present1()));
        Map<String, Quantiles> q = new HashMap<>();
        if (s.q0() != null) {
            q.put(StatsSql.quantiles(0), s.q0());
        }
        if (s.q1() != null) {
            q.put(StatsSql.quantiles(1), s.q1());
        }
        return new StatsRow() {
            @Override
            public long getLong(String column) {
                return longs.getOrDefault(column, 0L);
            }

            @Override
            public Optional<double[]> getDoubles(String column) {
                return Optional.ofNullable(q.get(column)).map(x -> {
                    double[] v = new double[101];
                    for (int i = 0; i <= 100; i++) {
                        v[i] = x.at(i / 100.0);
                    }
                    return v;
                });
            }
        };
    }

    static Finding feature(List<Finding> findings, String name) {
        return findings.stream().filter(f -> f.feature().equals(Optional.of(name))).findFirst().orElseThrow();
    }

    static Finding rows(List<Finding> findings) {
        return findings.stream().filter(f -> f.feature().isEmpty()).findFirst().orElseThrow();
    }

    @Test
    void theHandoffDilutionIsCriticalAndExplainedInOneLine() {
        // Jan 2025: 200 rows a day, 99.4% with a line; Jan 2026: 460 a day, 43.4% with a line
        List<Finding> f = evaluate(check, "2026-01", side(14_260, 31, 14_260, 6_189), side(6_200, 31, 6_200, 6_163));
        Finding vegas = feature(f, "vegas_points_line");
        assertThat(vegas.status()).isEqualTo(FindingStatus.critical);
        assertThat(vegas.reasons()).containsExactly("coverage");
        assertThat(vegas.explanation()).isEqualTo("vegas_points_line 2026-01: coverage 99.4% -> 43.4% (-56.0 pts) while rows/day rose "
                + "2.3x: rows without this feature were added");
        assertThat(vegas.coverageChangePoints().getAsDouble()).isCloseTo(-56.0, org.assertj.core.api.Assertions.within(0.05));
        assertThat(rows(f).status()).isEqualTo(FindingStatus.warn);
        assertThat(rows(f).explanation()).isEqualTo("nba_predictions.ml_feature_store_v2 2026-01: rows/day rose 2.3x (200 -> 460 per game day)");
        assertThat(feature(f, "points_avg_last_5").status()).isEqualTo(FindingStatus.ok);
    }

    @Test
    void coverageThresholdsAreMetAtTheFigureShownAndConfigurablePerFeature() {
        assertThat(feature(evaluate(check, "2026-01", side(1000, 31, 1000, 951), side(1000, 31, 1000, 1000)), "vegas_points_line").status())
                .as("4.9 points").isEqualTo(FindingStatus.ok);
        assertThat(feature(evaluate(check, "2026-01", side(1000, 31, 1000, 950), side(1000, 31, 1000, 1000)), "vegas_points_line").status())
                .as("5.0 points").isEqualTo(FindingStatus.warn);
        assertThat(feature(evaluate(check, "2026-01", side(1000, 31, 1000, 851), side(1000, 31, 1000, 1000)), "vegas_points_line").status())
                .as("14.9 points").isEqualTo(FindingStatus.warn);
        assertThat(feature(evaluate(check, "2026-01", side(1000, 31, 1000, 850), side(1000, 31, 1000, 1000)), "vegas_points_line").status())
                .as("15.0 points").isEqualTo(FindingStatus.critical);
        assertThat(feature(evaluate(check, "2026-01", side(1000, 31, 1000, 1000), side(1000, 31, 1000, 700)), "vegas_points_line").status())
                .as("a rise is not a drop").isEqualTo(FindingStatus.ok);

        Check strict = new Check(check.name(), check.table(), check.dateColumn(), check.arrayColumn(), 2,
                List.of(check.features().get(0), new Feature("vegas_points_line", 1, Presence.NOT_NULL_NOR_ZERO, strictVegas)), true,
                Thresholds.DEFAULTS);
        assertThat(feature(evaluate(strict, "2026-01", side(1000, 31, 1000, 970), side(1000, 31, 1000, 1000)), "vegas_points_line").status())
                .as("3 points against a 2-point warn").isEqualTo(FindingStatus.warn);
        assertThat(feature(evaluate(strict, "2026-01", side(1000, 31, 1000, 890), side(1000, 31, 1000, 1000)), "vegas_points_line").status())
                .as("11 points against a 10-point critical").isEqualTo(FindingStatus.critical);
    }

    @Test
    void eachCauseOfACoverageDropGetsItsOwnExplanation() {
        String steady = feature(evaluate(check, "2026-01", side(6200, 31, 6200, 3100), side(6200, 31, 6200, 6200)), "vegas_points_line")
                .explanation();
        assertThat(steady).endsWith("with rows/day steady (1.0x): it went missing in rows that used to have it");
        String both = feature(evaluate(check, "2026-01", side(14_260, 31, 14_260, 2_000), side(6200, 31, 6200, 6163)), "vegas_points_line")
                .explanation();
        assertThat(both).contains("while rows/day rose 2.3x and rows with it fell to 0.3x: rows without it were added and it went missing in others");
        String fewer = feature(evaluate(check, "2026-01", side(3100, 31, 3100, 1000), side(6200, 31, 6200, 6163)), "vegas_points_line")
                .explanation();
        assertThat(fewer).contains("while rows/day fell to 0.5x and rows with it to 0.2x");
    }

    @Test
    void aShiftWithFullCoverageIsCaughtByTheDistribution() {
        Side shifted = new Side(6200, 31, 6200, LINES_UP, 6200, LINES_AGAIN);
        Finding f = feature(evaluate(check, "2026-01", shifted, new Side(6200, 31, 6200, LINES, 6200, LINES)), "points_avg_last_5");
        assertThat(f.status()).isEqualTo(FindingStatus.critical);
        assertThat(f.reasons()).containsExactly("distribution");
        assertThat(f.psi().getAsDouble()).isGreaterThan(0.25);
        assertThat(f.explanation()).startsWith("points_avg_last_5 2026-01: distribution shifted: PSI ").containsPattern("\\(median 1[45]\\.\\d -> 2[01]\\.\\d\\)$");
        assertThat(feature(evaluate(check, "2026-01", shifted, new Side(6200, 31, 6200, LINES, 6200, LINES)), "vegas_points_line").status())
                .isEqualTo(FindingStatus.ok);
    }

    @Test
    void tooFewValuesGiveNoPsiRatherThanNoise() {
        Side few = new Side(60, 3, 60, LINES_UP, 60, LINES);
        Finding f = feature(evaluate(check, "2026-01", few, new Side(6200, 31, 6200, LINES, 6200, LINES)), "points_avg_last_5");
        assertThat(f.psi()).isEmpty();
        assertThat(f.status()).isEqualTo(FindingStatus.ok);
    }

    @Test
    void aMonthWithNoRowsIsCriticalOutsideTheBootstrap() {
        List<Finding> f = evaluate(check, "2026-01", side(0, 0, 0, 0), side(6200, 31, 6200, 6163));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).status()).isEqualTo(FindingStatus.critical);
        assertThat(f.get(0).reasons()).containsExactly("no_rows");
        assertThat(f.get(0).explanation()).contains("no rows at all, while the baseline 2025-01 had 200 per game day");
    }

    @Test
    void aMonthWithNoRowsThatNoKnownSeasonCoversIsAnUnknownSeasonNeverCritical() {
        // 2025-26 is known until 2026-10-19; November 2026 may be the bootstrap of a season no one has named
        List<Finding> f = evaluate(NBA, LocalDate.of(2026, 12, 1), check, "2026-11", side(0, 0, 0, 0), side(6_000, 30, 6_000, 5_964), Map.of());
        assertThat(f).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(FindingStatus.unknown_season);
            assertThat(r.status().severity()).isEqualTo(Severity.ok);
            assertThat(r.status().label()).isEqualTo("unknown-season");
            assertThat(r.reasons()).containsExactly("unknown_season");
            assertThat(r.explanation()).isEqualTo("nba_predictions.ml_feature_store_v2 2026-11: no rows, and no known season covers "
                    + "2026-11-01..2026-11-30 (the known seasons end 2026-10-19): it may be a new season's bootstrap; see the NOTE");
        });
        // with the new season known, the same figures are its bootstrap, and a later empty month is an outage again
        SeasonCalendar known = new SeasonCalendar(Map.of("2024-25", LocalDate.of(2024, 10, 22), "2025-26", LocalDate.of(2025, 10, 21),
                "2026-27", LocalDate.of(2026, 11, 10)), 14);
        assertThat(evaluate(known, LocalDate.of(2026, 12, 1), check, "2026-11", side(0, 0, 0, 0), side(6_000, 30, 6_000, 5_964), Map.of()))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(FindingStatus.critical));
        assertThat(evaluate(known, LocalDate.of(2027, 1, 2), check, "2026-12", side(0, 0, 0, 0), side(6_200, 31, 6_200, 6_163), Map.of()))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(FindingStatus.critical));
        // rows present: judged as usual, whatever the calendar
        assertThat(rows(evaluate(NBA, LocalDate.of(2026, 12, 1), check, "2026-11", side(6_000, 30, 6_000, 5_964),
                side(6_000, 30, 6_000, 5_964), Map.of())).status()).isEqualTo(FindingStatus.ok);
        // nothing known at all: no one can tell either
        assertThat(evaluate(new SeasonCalendar(Map.of(), 14), TODAY, check, "2026-01", side(0, 0, 0, 0), side(6_200, 31, 6_200, 6_163),
                Map.of())).singleElement().satisfies(r -> assertThat(r.explanation()).contains("(no season is known)"));
    }

    @Test
    void theBootstrapMonthIsReportedAsSuchNeverAsADrop() {
        List<Finding> f = evaluate(check, "2025-10", side(0, 0, 0, 0), side(0, 0, 0, 0));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(FindingStatus.bootstrap);
            assertThat(x.status().severity()).isEqualTo(Severity.ok);
            assertThat(x.explanation()).contains("the 2025-26 season started 2025-10-21 and its first 14 days (to 2025-11-03) have no data by design");
        });
        Check noBootstrap = new Check("ctx", check.table(), "game_date", Optional.empty(), 0, List.of(), false, Thresholds.DEFAULTS);
        assertThat(evaluate(noBootstrap, "2025-10", side(0, 0, 0, 0), side(5000, 10, 0, 0))).singleElement()
                .satisfies(x -> assertThat(x.status()).as("a table written from opening night").isEqualTo(FindingStatus.critical));
    }

    @Test
    void aMonthWithoutBaselineSaysSoInsteadOfAlarming() {
        List<Finding> f = evaluate(check, "2025-11", side(5400, 27, 5400, 2000), side(0, 0, 0, 0));
        assertThat(f).hasSize(3).allSatisfy(x -> assertThat(x.status()).isEqualTo(FindingStatus.no_baseline));
        assertThat(rows(f).explanation()).contains("no baseline (no rows in the baseline 2024-11)");
        assertThat(feature(f, "vegas_points_line").explanation()).isEqualTo("vegas_points_line 2025-11: coverage 37.0%, no baseline (no rows in the baseline 2024-11)");
        assertThat(feature(f, "vegas_points_line").current().coverage().getAsDouble()).isCloseTo(0.37, org.assertj.core.api.Assertions.within(0.001));

        List<Finding> baselineInBootstrap = evaluate(check, "2025-10", side(1000, 5, 1000, 900), side(0, 0, 0, 0));
        assertThat(rows(baselineInBootstrap).explanation()).contains("the baseline 2024-10 is the bootstrap of the 2024-25 season");
        assertThat(evaluate(check, "2025-07", side(0, 0, 0, 0), side(0, 0, 0, 0))).singleElement()
                .satisfies(x -> assertThat(x.status()).as("the off-season").isEqualTo(FindingStatus.no_baseline));
    }

    @Test
    void theHitRateIsAddedToFindingsThatNeedALook() {
        Period jan26 = new Period("2026-01", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        Period jan25 = new Period("2025-01", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));
        OutcomeComparison o = new OutcomeComparison(jan26, jan25, new PeriodStats.OutcomeStats(1000, 605),
                new PeriodStats.OutcomeStats(1000, 861));
        List<Finding> f = evaluate(check, "2026-01", side(14_260, 31, 14_260, 6_189), side(6_200, 31, 6_200, 6_163), Map.of(jan26, o));
        assertThat(feature(f, "vegas_points_line").explanation()).endsWith("; hit rate 86.1% -> 60.5% (-25.6 pts) in the same month");
        assertThat(feature(f, "points_avg_last_5").explanation()).doesNotContain("hit rate");
    }

    @Test
    void aRowsPerDayChangeOfThirtyPercentWarnsEitherWay() {
        assertThat(rows(evaluate(check, "2026-01", side(8060, 31, 8060, 8000), side(6200, 31, 6200, 6163))).status()).isEqualTo(FindingStatus.warn);
        assertThat(rows(evaluate(check, "2026-01", side(4340, 31, 4340, 4300), side(6200, 31, 6200, 6163))).status()).isEqualTo(FindingStatus.warn);
        assertThat(rows(evaluate(check, "2026-01", side(7900, 31, 7900, 7800), side(6200, 31, 6200, 6163))).status()).isEqualTo(FindingStatus.ok);
        assertThat(rows(evaluate(check, "2026-01", side(4340, 31, 4340, 4300), side(6200, 31, 6200, 6163))).explanation())
                .contains("rows/day fell to 0.7x (200 -> 140 per game day)");
    }
}
