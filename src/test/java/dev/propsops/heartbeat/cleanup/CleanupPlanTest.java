package dev.propsops.heartbeat.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.heartbeat.docs.Classifier;
import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan and the per-doc delete rule, without any store. */
class CleanupPlanTest {
    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    private static final CleanupPolicy POLICY = CleanupPolicy.of(NOW, Duration.ofHours(1), Duration.ofDays(30));

    private static HeartbeatDoc doc(String id, String name, Duration beatAgo, Duration writtenAgo) {
        return new HeartbeatDoc(id, name, beatAgo == null ? null : NOW.minus(beatAgo), NOW.minus(writtenAgo));
    }

    private static HeartbeatDoc doc(String id, String name, Duration ago) {
        return doc(id, name, ago, ago);
    }

    private static CleanupPlan plan(Shard shard, List<HeartbeatDoc> docs) {
        CollectionTally t = new CollectionTally(POLICY, shard);
        docs.forEach(t::add);
        return CleanupPlan.from(t);
    }

    private static boolean deletes(CleanupPlan plan, HeartbeatDoc d, boolean confirmed) {
        return plan.deletes(d, Classifier.classify(d), p -> confirmed);
    }

    private static final Duration H = Duration.ofHours(1);
    private static final Duration D = Duration.ofDays(1);

    @Test
    void eachProcessorGetsTheActionItsDocsCallFor() {
        List<HeartbeatDoc> docs = List.of(
                // canonical + old legacy: delete the legacy docs
                doc("a", "a", H), doc("a_2026-01-01_r1", "a", D.multipliedBy(31)), doc("a_None_r2", null, D.multipliedBy(2)),
                // no canonical: migrate the newest (by last_heartbeat), then delete; one run in flight kept
                doc("b_2026-01-30_r1", "b", D.multipliedBy(2)), doc("b_2026-01-31_r2", "b", D),
                doc("b_2026-02-01_r3", "b", Duration.ofMinutes(10)),
                // silent 45 days with canonical: retire everything
                doc("c", "c", D.multipliedBy(45)), doc("c_2025-12-01_r1", "c", D.multipliedBy(50)),
                // only a fresh canonical: keep
                doc("d", null, H),
                // legacy only, all in flight: keep (and still writing legacy)
                doc("e_2026-02-01_r1", "e", Duration.ofMinutes(5)),
                // foreign
                doc("dashboard-config", "other", D));
        CleanupPlan plan = plan(Shard.ALL, docs);

        assertThat(plan.processors().keySet()).containsExactly("a", "b", "c", "d", "e");
        assertThat(plan.processors().get("a").action()).isEqualTo(ProcessorPlan.Action.DELETE_LEGACY);
        assertThat(plan.processors().get("a").toDelete()).isEqualTo(2);
        ProcessorPlan b = plan.processors().get("b");
        assertThat(b.action()).isEqualTo(ProcessorPlan.Action.MIGRATE);
        assertThat(b.toDelete()).isEqualTo(2);
        assertThat(b.legacyRecent()).isEqualTo(1);
        assertThat(b.newestLegacyId()).contains("b_2026-02-01_r3");
        assertThat(b.stillWritingLegacy()).isTrue();
        assertThat(plan.processors().get("c").action()).isEqualTo(ProcessorPlan.Action.RETIRE);
        assertThat(plan.processors().get("c").toDelete()).isEqualTo(2);
        assertThat(plan.processors().get("d").action()).isEqualTo(ProcessorPlan.Action.KEEP);
        assertThat(plan.processors().get("e").action()).isEqualTo(ProcessorPlan.Action.KEEP);
        assertThat(plan.stillWritingLegacy()).containsExactly("b", "e");
        assertThat(plan.toMigrate()).extracting(ProcessorPlan::processor).containsExactly("b");
        assertThat(plan.scanned()).isEqualTo(11);
        assertThat(plan.toDelete()).isEqualTo(6);
        assertThat(plan.ownedToDelete()).isEqualTo(6);
        assertThat(plan.toKeep()).isEqualTo(5);
        assertThat(plan.foreign()).isEqualTo(1);
        assertThat(plan.canonical()).isEqualTo(3);

        // the second pass, doc by doc
        assertThat(deletes(plan, docs.get(0), true)).as("canonical a").isFalse();
        assertThat(deletes(plan, docs.get(1), true)).isTrue();
        assertThat(deletes(plan, docs.get(3), false)).as("b is not confirmed: keep").isFalse();
        assertThat(deletes(plan, docs.get(3), true)).isTrue();
        assertThat(deletes(plan, docs.get(5), true)).as("in flight").isFalse();
        assertThat(deletes(plan, docs.get(6), true)).as("retired canonical c").isTrue();
        assertThat(deletes(plan, docs.get(8), true)).as("canonical d").isFalse();
        assertThat(deletes(plan, docs.get(10), true)).as("foreign").isFalse();
    }

    @Test
    void theSecondPassJudgesDocsAsTheyAreNow() {
        HeartbeatDoc canonical = doc("c", "c", D.multipliedBy(45));
        HeartbeatDoc legacy = doc("a_2026-01-01_r1", "a", D.multipliedBy(3));
        CleanupPlan plan = plan(Shard.ALL, List.of(canonical, doc("a", "a", H), legacy));
        // c beat again since the scan: its doc is no longer silent
        assertThat(deletes(plan, doc("c", "c", Duration.ofMinutes(1)), true)).isFalse();
        // the legacy doc was rewritten a minute ago (a run still going): in flight now
        assertThat(deletes(plan, doc("a_2026-01-01_r1", "a", D.multipliedBy(3), Duration.ofMinutes(1)), true)).isFalse();
        // a doc of a processor the scan never saw
        assertThat(deletes(plan, doc("z_2026-01-01_r1", "z", D.multipliedBy(3)), true)).isFalse();
        // malformed: no last_heartbeat, a mistyped name; legacy by id is enough
        assertThat(deletes(plan, new HeartbeatDoc("a_2026-01-02_r9", 5L, "noon", NOW.minus(D)), true)).isTrue();
    }

    @Test
    void aProcessorWithARecentLegacyBeatIsNotRetiredEvenIfItsCanonicalDocIsOld() {
        CleanupPlan plan = plan(Shard.ALL, List.of(doc("a", "a", D.multipliedBy(40)), doc("a_2026-01-31_r", "a", D)));
        assertThat(plan.processors().get("a").action()).isEqualTo(ProcessorPlan.Action.DELETE_LEGACY);
        assertThat(deletes(plan, doc("a", "a", D.multipliedBy(40)), true)).isFalse();
    }

    @Test
    void theNewestLegacyDocIsChosenByLastHeartbeatFallingBackToUpdateTime() {
        CleanupPlan plan = plan(Shard.ALL, List.of(
                doc("b_2026-01-01_late-write", "b", D.multipliedBy(10), D.multipliedBy(2)),
                doc("b_2026-01-05_newest", "b", D.multipliedBy(5), D.multipliedBy(5)),
                doc("b_None_no-beat", "b", null, D.multipliedBy(7))));
        assertThat(plan.processors().get("b").newestLegacyId()).contains("b_2026-01-05_newest");
        assertThat(plan.processors().get("b").oldestLegacyBeat()).contains(NOW.minus(D.multipliedBy(10)));
    }

    @Test
    void shardsSplitTheDeletesButAllPlanOnTheWholeCollection() {
        List<HeartbeatDoc> docs = new java.util.ArrayList<>();
        docs.add(doc("a", "a", H));
        for (int i = 0; i < 1000; i++) {
            docs.add(doc("a_2026-01-01_r" + i, "a", D.multipliedBy(2)));
        }
        long total = 0;
        for (int k = 0; k < 4; k++) {
            Shard shard = new Shard(k, 4);
            CleanupPlan plan = plan(shard, docs);
            assertThat(plan.toDelete()).isEqualTo(1000);
            long mine = docs.stream().filter(d -> deletes(plan, d, true)).count();
            assertThat(mine).isEqualTo(plan.ownedToDelete()).isBetween(150L, 350L);
            total += mine;
        }
        assertThat(total).isEqualTo(1000);
    }

    @Test
    void aDocThatOnlyLacksALegacyShapeIsNeverRetired() {
        // a config doc: no processor_name, no last_heartbeat, untouched for 60 days
        HeartbeatDoc config = new HeartbeatDoc("dashboard-config", null, null, NOW.minus(D.multipliedBy(60)));
        // a heartbeat doc that lost its last_heartbeat but names itself: a heartbeat, retired
        HeartbeatDoc named = new HeartbeatDoc("old-job", "old-job", null, NOW.minus(D.multipliedBy(60)));
        // no name but a heartbeat: retired
        HeartbeatDoc beating = doc("older-job", null, D.multipliedBy(60));
        CleanupPlan plan = plan(Shard.ALL, List.of(config, named, beating));
        assertThat(plan.processors().get("dashboard-config").action()).isEqualTo(ProcessorPlan.Action.KEEP);
        assertThat(deletes(plan, config, true)).isFalse();
        assertThat(plan.processors().get("old-job").action()).isEqualTo(ProcessorPlan.Action.RETIRE);
        assertThat(deletes(plan, named, true)).isTrue();
        assertThat(deletes(plan, beating, true)).isTrue();
        assertThat(plan.toDelete()).isEqualTo(2);

        // with old legacy docs of its own it is retired for them, but the doc itself stays
        HeartbeatDoc legacy = doc("dashboard-config_2025-11-01_r", "dashboard-config", D.multipliedBy(90));
        CleanupPlan withLegacy = plan(Shard.ALL, List.of(config, legacy));
        assertThat(withLegacy.processors().get("dashboard-config").action()).isEqualTo(ProcessorPlan.Action.RETIRE);
        assertThat(withLegacy.toDelete()).isEqualTo(1);
        assertThat(deletes(withLegacy, config, true)).isFalse();
        assertThat(deletes(withLegacy, legacy, true)).isTrue();
    }

    @Test
    void policyRefusesARetirementShorterThanTheMinimumAge() {
        assertThatThrownBy(() -> CleanupPolicy.of(NOW, Duration.ofDays(2), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--retire-after");
    }
}
