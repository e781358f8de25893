package dev.propsops.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner's decisions, table by table, for every action. */
class PrunePlannerTest {
    static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    static final long GIB = 1L << 30;

    static TableMeta table(String name, int type, Duration age, long sizeBytes) {
        return new TableMeta("nba_raw", name, type, NOW.minus(Duration.ofDays(400)), NOW.minus(age), 1_000, sizeBytes);
    }

    static TableMeta table(String name, Duration age) {
        return table(name, 1, age, GIB);
    }

    static PruneRules rules(PruneAction action) {
        return new PruneRules(action, NamePolicy.of(NamePolicy.DEFAULT_PATTERN, List.of("_keep$")), Duration.ofDays(30),
                Duration.ofDays(7), Duration.ofDays(90), StorageCost.defaults(), NOW);
    }

    static TableDetails details(Map<String, String> labels, Instant expiration) {
        return TableDetails.known(labels, Optional.ofNullable(expiration), Optional.empty());
    }

    private static PlannedTable plan(PruneAction action, TableMeta t, TableDetails d) {
        PrunePlanner planner = new PrunePlanner(rules(action));
        return planner.needsDetails(t) ? planner.plan(t, d) : planner.plan(t);
    }

    @Test
    void viewsExternalAndUnknownKindsAreNeverCandidatesWhateverTheirName() {
        PrunePlanner planner = new PrunePlanner(rules(PruneAction.delete));
        for (int type : new int[] { 2, 3, 4 }) {
            TableMeta t = table("odds_api_temp_test", type, Duration.ofDays(400), GIB);
            assertThat(planner.needsDetails(t)).isFalse();
            PlannedTable p = planner.plan(t);
            assertThat(p.candidate()).isFalse();
            assertThat(p.step()).isEqualTo(Step.NONE);
            assertThat(p.reason()).contains("never pruned");
        }
        assertThat(planner.plan(table("odds_api_temp_test", 4, Duration.ofDays(400), GIB)).reason()).contains("type 4");
    }

    @Test
    void ageIsByLastModificationAndMustExceedOlderThan() {
        PrunePlanner planner = new PrunePlanner(rules(PruneAction.delete));
        TableMeta exactly30 = table("odds_api_temp_test", Duration.ofDays(30));
        TableMeta over30 = table("odds_api_temp_test", Duration.ofDays(30).plusMinutes(1));
        assertThat(planner.needsDetails(exactly30)).isFalse();
        assertThat(planner.plan(exactly30).reason()).contains("modified 30d ago", "not older than 30d");
        assertThat(planner.needsDetails(over30)).isTrue();
        PlannedTable p = planner.plan(over30, details(Map.of(), null));
        assertThat(p.candidate()).isTrue();
        assertThat(p.step()).isEqualTo(Step.DELETE);
        // created 400 days ago: creation time plays no part
        assertThat(plan(PruneAction.delete, table("odds_api_temp_test", Duration.ofDays(2)), null).candidate()).isFalse();
    }

    @Test
    void nonStagingAndProtectedNamesAreNotCandidatesAndNeedNoRead() {
        PrunePlanner planner = new PrunePlanner(rules(PruneAction.delete));
        TableMeta gold = table("gold_players", Duration.ofDays(400));
        TableMeta kept = table("odds_api_temp_keep", Duration.ofDays(400));
        assertThat(planner.needsDetails(gold)).isFalse();
        assertThat(planner.plan(gold).reason()).isEqualTo("not a staging name");
        assertThat(planner.needsDetails(kept)).isFalse();
        assertThat(planner.plan(kept).reason()).contains("protected by pattern '_keep$'");
    }

    @Test
    void theKeepLabelKeepsACandidate() {
        TableMeta t = table("team_defense_backup_20250115", Duration.ofDays(200));
        assertThat(plan(PruneAction.delete, t, details(Map.of("props-ops-keep", "true"), null)))
                .satisfies(p -> {
                    assertThat(p.candidate()).isFalse();
                    assertThat(p.step()).isEqualTo(Step.NONE);
                    assertThat(p.reason()).contains("labelled props-ops-keep: true");
                });
        assertThat(plan(PruneAction.delete, t, details(Map.of("props-ops-keep", "TRUE"), null)).candidate()).isFalse();
        assertThat(plan(PruneAction.delete, t, details(Map.of("props-ops-keep", "false"), null)).step()).isEqualTo(Step.DELETE);
        assertThat(plan(PruneAction.delete, t, details(Map.of("owner", "data-eng"), null)).step()).isEqualTo(Step.DELETE);
    }

    @Test
    void aTableGoneSinceTheListingIsLeftAlone() {
        PlannedTable p = plan(PruneAction.delete, table("odds_api_temp_test", Duration.ofDays(60)), TableDetails.gone());
        assertThat(p.candidate()).isFalse();
        assertThat(p.reason()).contains("deleted since the listing");
    }

    @Test
    void reportListsCandidatesAndChangesNothing() {
        PlannedTable p = plan(PruneAction.report, table("odds_api_temp_test", Duration.ofDays(60)), details(Map.of(), null));
        assertThat(p.candidate()).isTrue();
        assertThat(p.step()).isEqualTo(Step.REPORT);
        assertThat(p.mutates()).isFalse();
        assertThat(p.reason()).contains("unmodified for 60d (older than 30d)");
    }

    @Test
    void expireSetsAnAbsoluteTimeGraceFromNow() {
        PlannedTable p = plan(PruneAction.expire, table("odds_api_temp_test", Duration.ofDays(60)), details(Map.of(), null));
        assertThat(p.step()).isEqualTo(Step.EXPIRE);
        assertThat(p.newExpiration()).contains(NOW.plus(Duration.ofDays(7)));
        // an absolute epoch-ms time in the future, not the 7-day duration (604,800,000 ms: January 1970)
        assertThat(p.newExpiration().get().toEpochMilli()).isGreaterThan(NOW.toEpochMilli())
                .isNotEqualTo(Duration.ofDays(7).toMillis());
    }

    @Test
    void expireShortensALaterExpirationButLeavesASoonerOne() {
        TableMeta t = table("odds_api_temp_test", Duration.ofDays(60));
        PlannedTable later = plan(PruneAction.expire, t, details(Map.of(), NOW.plus(Duration.ofDays(300))));
        assertThat(later.step()).isEqualTo(Step.EXPIRE);
        assertThat(later.newExpiration()).contains(NOW.plus(Duration.ofDays(7)));
        PlannedTable sooner = plan(PruneAction.expire, t, details(Map.of(), NOW.plus(Duration.ofDays(2))));
        assertThat(sooner.step()).isEqualTo(Step.NONE);
        assertThat(sooner.candidate()).isTrue();
        assertThat(sooner.reason()).contains("already expires");
    }

    @Test
    void lifecycleGivesLastModificationPlus90DaysToTablesWithoutExpirationWhateverTheirAge() {
        TableMeta fresh = table("player_game_summary_staging_v2", Duration.ofDays(3));
        PlannedTable p = plan(PruneAction.lifecycle, fresh, details(Map.of(), null));
        assertThat(p.candidate()).isTrue();
        assertThat(p.step()).isEqualTo(Step.SET_EXPIRATION);
        assertThat(p.newExpiration()).contains(fresh.lastModified().plus(Duration.ofDays(90)));
    }

    @Test
    void lifecycleClampsAnExpirationThatIsAlreadyPastToGraceFromNow() {
        // modified 200 days ago: last modification + 90d is 110 days in the past and would delete at once
        TableMeta stale = table("team_defense_backup_20250115", Duration.ofDays(200));
        PlannedTable p = plan(PruneAction.lifecycle, stale, details(Map.of(), null));
        assertThat(p.step()).isEqualTo(Step.SET_EXPIRATION);
        assertThat(p.newExpiration()).contains(NOW.plus(Duration.ofDays(7)));
        assertThat(p.reason()).contains("gets the grace");
        // due in 2 days: still clamped to the grace
        TableMeta near = table("team_defense_backup_20250115", Duration.ofDays(88));
        assertThat(plan(PruneAction.lifecycle, near, details(Map.of(), null)).newExpiration()).contains(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void lifecycleLeavesExpirationsSetBySomeoneElse() {
        TableMeta t = table("odds_api_temp_test", Duration.ofDays(10));
        PlannedTable p = plan(PruneAction.lifecycle, t, details(Map.of(), NOW.plus(Duration.ofDays(400))));
        assertThat(p.step()).isEqualTo(Step.NONE);
        assertThat(p.reason()).contains("set by someone else");
    }

    @Test
    void lifecyclePushesOutItsOwnExpirationOnlyWhenTheTableWasModifiedSince() {
        Map<String, String> ours = Map.of("props-ops-lifecycle", "true", "owner", "data-eng");
        // set when the table was idle, then the table was written 2 days ago: due moved to now + 88d
        TableMeta written = table("odds_api_temp_test", Duration.ofDays(2));
        PlannedTable extended = plan(PruneAction.lifecycle, written, details(ours, NOW.plus(Duration.ofDays(5))));
        assertThat(extended.step()).isEqualTo(Step.EXTEND_EXPIRATION);
        assertThat(extended.newExpiration()).contains(written.lastModified().plus(Duration.ofDays(90)));
        assertThat(extended.labels()).containsEntry("owner", "data-eng");
        // a stale table whose grace-clamped expiration is near must not be pushed out run after run
        TableMeta stale = table("odds_api_temp_test", Duration.ofDays(200));
        PlannedTable kept = plan(PruneAction.lifecycle, stale, details(ours, NOW.plus(Duration.ofDays(1))));
        assertThat(kept.step()).isEqualTo(Step.NONE);
        assertThat(kept.reason()).contains("already expires");
    }

    @Test
    void anInventoryPlanSaysLabelsWereNotChecked() {
        PlannedTable p = plan(PruneAction.delete, table("odds_api_temp_test", Duration.ofDays(60)), TableDetails.unknown());
        assertThat(p.candidate()).isTrue();
        assertThat(p.reason()).contains("not checked (inventory file)");
    }

    @Test
    void unsafeDurationsAreRefused() {
        NamePolicy n = NamePolicy.defaults();
        assertThatThrownBy(() -> new PruneRules(PruneAction.expire, n, Duration.ofDays(30), Duration.ZERO, Duration.ofDays(90),
                StorageCost.defaults(), NOW)).hasMessageContaining("--grace must be at least 1h");
        assertThatThrownBy(() -> new PruneRules(PruneAction.delete, n, Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofDays(90),
                StorageCost.defaults(), NOW)).hasMessageContaining("--older-than must be at least 1h");
        assertThatThrownBy(() -> new PruneRules(PruneAction.lifecycle, n, Duration.ofDays(30), Duration.ofDays(7), Duration.ZERO,
                StorageCost.defaults(), NOW)).hasMessageContaining("--lifecycle-after");
    }

    @Test
    void costIsActiveUnder90DaysAndLongTermFrom90() {
        StorageCost cost = StorageCost.defaults();
        assertThat(cost.monthly(table("a_tmp", 1, Duration.ofDays(89), 10 * GIB), NOW)).isCloseTo(0.20, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cost.monthly(table("a_tmp", 1, Duration.ofDays(90), 10 * GIB), NOW)).isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(new StorageCost(0.023, 0.016).monthly(table("a_tmp", 1, Duration.ofDays(1), GIB / 2), NOW))
                .isCloseTo(0.0115, org.assertj.core.data.Offset.offset(1e-9));
        assertThatThrownBy(() -> new StorageCost(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCapCountsOnlyTheTablesThatWouldChange() {
        PrunePlanner planner = new PrunePlanner(rules(PruneAction.delete));
        List<TableMeta> tables = List.of(table("a_temp", Duration.ofDays(60)), table("b_temp", Duration.ofDays(60)),
                table("c_temp", Duration.ofDays(60)), table("gold_players", Duration.ofDays(60)),
                table("d_temp", Duration.ofDays(1)));
        List<PlannedTable> planned = planner.planAll(tables, t -> details(Map.of(), null));
        assertThat(new PrunePlan(planned, List.of(), 3).capped()).isFalse();
        assertThat(new PrunePlan(planned, List.of(), 2).capped()).isTrue();
        assertThat(new PrunePlan(planned, List.of(), 2).changes()).hasSize(3);
        // a report changes nothing, so it is never capped
        List<PlannedTable> reported = new PrunePlanner(rules(PruneAction.report)).planAll(tables, t -> details(Map.of(), null));
        assertThat(new PrunePlan(reported, List.of(), 0).capped()).isFalse();
    }

    @Test
    void totalsAndSavingFollowTheAction() {
        TableMeta big = table("a_temp", 1, Duration.ofDays(100), 100 * GIB);   // long-term: $1.00
        TableMeta small = table("b_temp", 1, Duration.ofDays(40), 10 * GIB);   // active: $0.20
        TableMeta prod = table("gold_players", 1, Duration.ofDays(5), 50 * GIB); // active: $1.00
        for (PruneAction action : new PruneAction[] { PruneAction.report, PruneAction.delete }) {
            PruneRules rules = rules(action);
            List<PlannedTable> planned = new PrunePlanner(rules).planAll(List.of(big, small, prod), t -> details(Map.of(), null));
            PrunePlan plan = new PrunePlan(planned, List.of(DatasetResult.ok("nba_raw", 3)), 50);
            PruneReport.Totals s = new PruneReport("nba", "test", Optional.empty(), rules, plan, PruneReport.notExecuted(plan), false,
                    Optional.empty()).totals();
            assertThat(s.tables()).isEqualTo(3);
            assertThat(s.candidates()).isEqualTo(2);
            assertThat(s.sizeBytes()).isEqualTo(160 * GIB);
            assertThat(s.candidateSizeBytes()).isEqualTo(110 * GIB);
            assertThat(s.monthlyCost()).isCloseTo(2.20, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.savingPerMonth()).isCloseTo(1.20, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.changes()).isEqualTo(action == PruneAction.delete ? 2 : 0);
        }
    }
}
