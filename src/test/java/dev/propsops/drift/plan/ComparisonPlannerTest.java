package dev.propsops.drift.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonPlannerTest {
    static final LocalDate TODAY = LocalDate.of(2026, 2, 15);

    static ComparisonPlan month(String m, Baseline b) {
        return ComparisonPlanner.plan(Optional.of(YearMonth.parse(m)), Optional.empty(), Optional.empty(), b, TODAY);
    }

    static ComparisonPlan range(String from, String to, Baseline b) {
        return ComparisonPlanner.plan(Optional.empty(), Optional.of(LocalDate.parse(from)),
                Optional.ofNullable(to).map(LocalDate::parse), b, TODAY);
    }

    @Test
    void aMonthIsComparedWithTheSameMonthOfThePreviousSeason() {
        ComparisonPlan p = month("2026-01", Baseline.PREVIOUS_SEASON);
        assertThat(p.comparisons()).containsExactly(new Comparison(new Period("2026-01", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)),
                new Period("2025-01", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31))));
        assertThat(p.periods()).hasSize(2);
        assertThat(p.baselineRange().range()).isEqualTo("2025-01-01..2025-01-31");
    }

    @Test
    void byDefaultTheMonthOfYesterdayUpToYesterday() {
        ComparisonPlan p = ComparisonPlanner.plan(Optional.empty(), Optional.empty(), Optional.empty(), Baseline.PREVIOUS_SEASON, TODAY);
        assertThat(p.window().range()).isEqualTo("2026-02-01..2026-02-14");
        assertThat(p.comparisons().get(0).baseline().range()).isEqualTo("2025-02-01..2025-02-14");
        ComparisonPlan onTheFirst = ComparisonPlanner.plan(Optional.empty(), Optional.empty(), Optional.empty(),
                Baseline.PREVIOUS_SEASON, LocalDate.of(2026, 3, 1));
        assertThat(onTheFirst.window().range()).as("on the 1st, the month just ended").isEqualTo("2026-02-01..2026-02-28");
    }

    @Test
    void aRangeIsCheckedMonthByMonthClippedAtBothEnds() {
        ComparisonPlan p = range("2025-12-10", "2026-01-20", Baseline.PREVIOUS_SEASON);
        assertThat(p.comparisons()).extracting(c -> c.current().range() + " vs " + c.baseline().label() + " " + c.baseline().range())
                .containsExactly("2025-12-10..2025-12-31 vs 2024-12 2024-12-10..2024-12-31",
                        "2026-01-01..2026-01-20 vs 2025-01 2025-01-01..2025-01-20");
        assertThat(range("2026-01-05", null, Baseline.PREVIOUS_SEASON).to()).as("--to defaults to yesterday")
                .isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(range("2026-01-05", "2026-03-31", Baseline.PREVIOUS_SEASON).to()).as("never past yesterday")
                .isEqualTo(LocalDate.of(2026, 2, 14));
    }

    @Test
    void previousWindowIsThePreviousMonthOrTheSameNumberOfDaysBefore() {
        assertThat(month("2026-01", Baseline.PREVIOUS_WINDOW).comparisons().get(0).baseline())
                .isEqualTo(new Period("2025-12", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)));
        ComparisonPlan p = range("2026-01-10", "2026-02-08", Baseline.PREVIOUS_WINDOW);
        assertThat(p.comparisons()).hasSize(2).allSatisfy(c -> assertThat(c.baseline().range()).isEqualTo("2025-12-11..2026-01-09"));
        assertThat(p.periods()).as("one baseline period shared by both months").hasSize(3);
    }

    @Test
    void anExplicitBaselineMonth() {
        ComparisonPlan p = month("2026-01", Baseline.parse("2025-02"));
        assertThat(p.comparisons().get(0).baseline().range()).isEqualTo("2025-02-01..2025-02-28");
    }

    @Test
    void aLeapDayShiftsToTheTwentyEighth() {
        ComparisonPlan p = ComparisonPlanner.plan(Optional.of(YearMonth.of(2024, 2)), Optional.empty(), Optional.empty(),
                Baseline.PREVIOUS_SEASON, TODAY);
        assertThat(p.comparisons().get(0).baseline().range()).isEqualTo("2023-02-01..2023-02-28");
    }

    @Test
    void badWindowsAreUsageErrorsThatSayWhy() {
        assertUsage(() -> range("2026-02-01", "2026-01-01", Baseline.PREVIOUS_SEASON), "--from 2026-02-01 is after --to 2026-01-01");
        assertUsage(() -> ComparisonPlanner.plan(Optional.empty(), Optional.empty(), Optional.of(TODAY), Baseline.PREVIOUS_SEASON, TODAY),
                "--to needs --from");
        assertUsage(() -> ComparisonPlanner.plan(Optional.of(YearMonth.of(2026, 1)), Optional.of(TODAY), Optional.empty(),
                Baseline.PREVIOUS_SEASON, TODAY), "alternatives");
        assertUsage(() -> month("2026-03", Baseline.PREVIOUS_SEASON), "has no complete day yet");
        assertUsage(() -> range("2026-02-15", null, Baseline.PREVIOUS_SEASON), "has no complete day yet");
        assertUsage(() -> range("2024-12-01", "2026-01-31", Baseline.PREVIOUS_SEASON), "spans 14 months");
        assertUsage(() -> month("2026-01", Baseline.parse("2026-01")), "overlaps the window");
        assertUsage(() -> month("2026-01", Baseline.parse("2026-04")), "has no complete day yet");
        assertUsage(() -> Baseline.parse("last-year"), "is not previous-season, previous-window or a month");
        assertUsage(() -> Baseline.parse("2025-13"), "is not previous-season");
    }

    static void assertUsage(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OpsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains(message);
            assertThat(e.fix()).isPresent();
        });
    }
}
