package dev.propsops.heartbeat.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.heartbeat.DocumentIds;
import dev.propsops.heartbeat.docs.Classification;
import dev.propsops.heartbeat.docs.Classifier;
import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The streaming pass decides exactly as the plan would, for every doc it acts on, and never more. */
class StreamingRuleTest {
    static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    static final CleanupPolicy POLICY = CleanupPolicy.of(NOW, Duration.ofHours(1), Duration.ofDays(30));
    static int seed = 1;

    @RepeatedTest(20)
    void theStreamsVerdictsAreThePlansVerdicts() {
        Random random = new Random(seed++);
        String[] names = { "nba", "nba_raw", "nba-phase2", "nba_2nd", "mlb", "mlb-x", "p" };
        List<HeartbeatDoc> docs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String p : names) {
            int kind = random.nextInt(3); // fresh canonical, silent canonical, none
            if (kind < 2) {
                Duration ago = kind == 0 ? Duration.ofHours(random.nextInt(48)) : Duration.ofDays(31 + random.nextInt(30));
                docs.add(new HeartbeatDoc(p, random.nextBoolean() ? p : null, NOW.minus(ago), NOW.minus(ago)));
            }
            for (int i = 0, n = random.nextInt(30); i < n; i++) {
                String id = p + "_" + (random.nextInt(5) == 0 ? "None" : "2026-01-" + (10 + random.nextInt(20))) + "_r" + random.nextInt(1000);
                if (!ids.add(id)) {
                    continue;
                }
                Duration beat = Duration.ofMinutes(random.nextInt(60 * 24 * 60));
                Duration written = random.nextInt(6) == 0 ? Duration.ofMinutes(random.nextInt(60)) : beat;
                docs.add(new HeartbeatDoc(id, random.nextBoolean() ? p : null, NOW.minus(beat), NOW.minus(written)));
            }
        }
        docs.sort((a, b) -> DocumentIds.compare(a.id(), b.id()));
        for (Shard shard : List.of(Shard.ALL, new Shard(1, 3))) {
            CollectionTally tally = new CollectionTally(POLICY, shard);
            Set<String> fresh = new HashSet<>();
            List<Boolean> now = new ArrayList<>();
            for (HeartbeatDoc d : docs) {
                Classification c = Classifier.classify(d);
                tally.add(d, c);
                now.add(CleanupService.deletesNow(d, c, POLICY, shard, fresh));
            }
            CleanupPlan plan = CleanupPlan.from(tally);
            for (int i = 0; i < docs.size(); i++) {
                HeartbeatDoc d = docs.get(i);
                Classification c = Classifier.classify(d);
                boolean planned = plan.deletes(d, c, p -> true);
                if (now.get(i)) {
                    assertThat(planned).as("streamed a delete the plan would not make: " + d).isTrue();
                }
                if (c.processor().map(fresh::contains).orElse(false)) {
                    assertThat(now.get(i)).as("a handled processor's doc left to the second pass: " + d).isEqualTo(planned);
                }
            }
        }
    }

    @Test
    void rangesCoverEachProcessorsDocsAndNestedNamesShareOne() {
        List<IdRange> ranges = IdRange.covering(List.of("nba_raw", "nba", "mlb", "nba-phase2"));
        // "nba-phase2" and "nba_raw" sort inside [nba, nba_<max>]: one range holds all three
        assertThat(ranges).extracting(IdRange::first).containsExactly("mlb", "nba");
        assertThat(ranges.get(1).last()).isEqualTo("nba_" + IdRange.AFTER_EVERYTHING);
        assertThat(IdRange.covering(List.of("nba-phase2", "nba_raw"))).extracting(IdRange::first).containsExactly("nba-phase2", "nba_raw");
        assertThat(IdRange.covering(List.of("a", "a_b"))).hasSize(1);
        for (String id : List.of("nba", "nba_2026-01-01_x", "nba_None_y", "nba-phase2_None_z")) {
            assertThat(ranges.stream().anyMatch(r -> DocumentIds.compare(r.first(), id) <= 0 && DocumentIds.compare(id, r.last()) <= 0))
                    .as(id).isTrue();
        }
    }

    @Test
    void idsCompareByCodePointLikeFirestore() {
        assertThat(DocumentIds.compare("a", "a_")).isNegative();
        assertThat(DocumentIds.compare("a-", "a_")).isNegative();
        // U+FFFF sorts below U+10FFFF in UTF-8, though not in Java's UTF-16 compareTo
        assertThat(DocumentIds.compare("\uFFFF", "\uDBFF\uDFFF")).isNegative();
        assertThat("\uFFFF".compareTo("\uDBFF\uDFFF")).isPositive();
        assertThat(DocumentIds.compare("same", "same")).isZero();
    }
}
