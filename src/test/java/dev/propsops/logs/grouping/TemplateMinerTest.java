package dev.propsops.logs.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateMinerTest {
    private final TemplateMiner miner = new TemplateMiner();

    @Test
    void messagesOfOneShapeShareAPatternWithTheVariablePartsMasked() {
        int a = miner.add("Failed to record metric: 403 Permission 'monitoring.timeSeries.create' denied on resource "
                + "'projects/nba-props-platform' (or it may not exist).");
        int b = miner.add("Failed to record metric: 403 Permission 'bigquery.tables.get' denied on resource "
                + "'projects/mlb-props-platform' (or it may not exist).");
        assertThat(b).isEqualTo(a);
        assertThat(miner.template(a)).isEqualTo(
                "Failed to record metric: <*> Permission <*> denied on resource <*> (or it may not exist).");
        assertThat(miner.patternCount()).isEqualTo(1);
    }

    @Test
    void differentMessagesGetDifferentPatterns() {
        int empty = miner.add("Error: ");
        int reset = miner.add("Connection reset by peer");
        int timeout = miner.add("Read timed out after 30 seconds");
        int quota = miner.add("Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute'");
        assertThat(Set.of(empty, reset, timeout, quota)).hasSize(4);
        assertThat(miner.patternCount()).isEqualTo(4);
        assertThat(miner.template(empty)).isEqualTo("Error:");
        assertThat(miner.template(timeout)).isEqualTo("Read timed out after <*>");
    }

    @Test
    void theSameMessageAlwaysGetsTheSameId() {
        int first = miner.add("Processing game 0022500123 for date 2026-02-01");
        for (int i = 0; i < 100; i++) {
            miner.add("unrelated message number " + i);
            assertThat(miner.add("Processing game 00225001" + i + " for date 2026-02-0" + (i % 9 + 1))).isEqualTo(first);
        }
    }

    @Test
    void aWordWithAHandfulOfFormsStaysPartOfTheEvent() {
        // four lifecycle events of one instance: four patterns, not "VM <*>"
        List<String> states = List.of("Started", "Paused", "Resumed", "Stopped");
        Set<Integer> ids = new HashSet<>();
        for (int round = 0; round < 20; round++) {
            for (String state : states) {
                ids.add(miner.resolve(miner.add("[instance: b9000564-fe1a-409b-b8cc-1e88b294cd1" + round % 10
                        + "] VM " + state + " (Lifecycle Event)")));
            }
        }
        assertThat(ids).hasSize(4);
        assertThat(ids.stream().map(miner::template)).contains("[instance: <*>] VM Paused (Lifecycle Event)");
    }

    @Test
    void aWordWithManyFormsBecomesAVariableAndEarlierIdsResolveToTheMergedPattern() {
        List<String> users = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace");
        int[] ids = new int[users.size()];
        for (int i = 0; i < users.size(); i++) {
            ids[i] = miner.add("session opened for user " + users.get(i) + " by uid=0");
        }
        // the first four were four patterns; the fifth distinct name made the position a variable
        assertThat(ids[0]).isNotEqualTo(ids[1]);
        int merged = miner.resolve(ids[0]);
        for (int id : ids) {
            assertThat(miner.resolve(id)).isEqualTo(merged);
        }
        assertThat(merged).isEqualTo(ids[0]); // the oldest id survives
        assertThat(miner.patternCount()).isEqualTo(1);
        assertThat(miner.template(ids[1])).isEqualTo("session opened for user <*> by uid=<*>");
        assertThat(miner.add("session opened for user zoe by uid=1000")).isEqualTo(merged);
    }

    @Test
    void aWordWhereIdsUsuallyStandIsAValue() {
        int ip = 0;
        for (int i = 0; i < 50; i++) {
            ip = miner.add("10.0." + i + ".7:80 open through proxy proxy.example.com:5070 HTTPS");
        }
        int word = miner.add("wpad open through proxy proxy.example.com:5070 HTTPS");
        assertThat(miner.resolve(word)).isEqualTo(miner.resolve(ip));
        assertThat(miner.template(ip)).isEqualTo("<*> open through proxy <*> HTTPS");
    }

    @Test
    void aRareMaskedTokenWhereAWordUsuallyStandsIsAnotherEvent() {
        int https = 0;
        for (int i = 0; i < 50; i++) {
            https = miner.add("10.0." + i + ".7:80 open through HTTPS proxy");
        }
        int socks = miner.add("10.0.0.9:22 open through SOCKS5 proxy");
        assertThat(miner.resolve(socks)).isNotEqualTo(miner.resolve(https));
        assertThat(miner.template(https)).isEqualTo("<*> open through HTTPS proxy");
        assertThat(miner.template(socks)).isEqualTo("<*> open through <*> proxy");
    }

    @Test
    void keyValueValuesTurnVariableSooner() {
        List<String> names = List.of("android", "audioserver", "com.android.phone", "com.android.systemui");
        Set<Integer> ids = new HashSet<>();
        for (String name : names) {
            ids.add(miner.add("acquire lock=233570404, flags=0x1, name=" + name + ", ws=null, uid=1000, pid=2227"));
        }
        assertThat(ids.stream().map(miner::resolve).distinct()).hasSize(1);
        assertThat(miner.template(ids.iterator().next())).isEqualTo(
                "acquire lock=<*>, flags=<*>, name=<*>, ws=null, uid=<*>, pid=<*>");
    }

    @Test
    void emptyBlankAndNullMessagesShareOnePattern() {
        int empty = miner.add("");
        assertThat(miner.add("   ")).isEqualTo(empty);
        assertThat(miner.add("\t\n")).isEqualTo(empty);
        assertThat(miner.add(null)).isEqualTo(empty);
        assertThat(miner.template(empty)).isEmpty();
        assertThat(miner.add("Error")).isNotEqualTo(empty);
    }

    @Test
    void aVeryLongMessageIsCutAndItsTemplateBounded() {
        String huge = "Traceback payload " + "x".repeat(5_000_000);
        int id = miner.add(huge);
        assertThat(miner.template(id).length()).isLessThanOrEqualTo(MinerSettings.defaults().maxMessageChars());
        assertThat(miner.add("Traceback payload " + "y".repeat(3_000_000))).isNotEqualTo(id);
        String manyWords = "word ".repeat(100_000);
        int words = miner.add(manyWords);
        assertThat(miner.add(manyWords)).isEqualTo(words);
    }

    @Test
    void unicodeMessagesAreGrouped() {
        int a = miner.add("Ошибка соединения с базой 42 раз");
        int b = miner.add("Ошибка соединения с базой 7 раз");
        int c = miner.add("数据 加载 失败 🔥 12");
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
        assertThat(miner.template(a)).isEqualTo("Ошибка соединения с базой <*> раз");
        assertThat(miner.template(c)).isEqualTo("数据 加载 失败 🔥 <*>");
    }

    @Test
    void patternsAreBoundedAndTheOverflowIsOnePatternPerTokenCount() {
        TemplateMiner small = new TemplateMiner(MinerSettings.defaults().withMaxPatterns(3));
        int a = small.add("alpha beta gamma");
        int b = small.add("one two");
        int c = small.add("single");
        assertThat(Set.of(a, b, c)).hasSize(3);
        // full: a message similar to a skeleton joins its closest pattern ...
        assertThat(small.add("alpha beta delta")).isEqualTo(a);
        // ... one like nothing seen goes to the overflow pattern of its token count
        int over3 = small.add("totally different words");
        int over3b = small.add("yet another thing");
        int over2 = small.add("something else");
        assertThat(over3b).isEqualTo(over3);
        assertThat(over2).isNotEqualTo(over3).isNotIn(a, b, c);
        assertThat(small.template(over3)).isEqualTo("<*> <*> <*>");
        assertThat(small.patternCount()).isEqualTo(5);
        for (int i = 0; i < 1_000; i++) {
            small.add("novel" + " w".repeat(i % 40) + " end");
        }
        assertThat(small.patternCount()).isLessThanOrEqualTo(3 + 41);
    }

    @Test
    void memoryDoesNotGrowWithTheNumberOfMessages() {
        TemplateMiner m = new TemplateMiner(MinerSettings.defaults().withCacheSize(1_000));
        Random random = new Random(7);
        String[] shapes = {"GET /api/players/%d returned %d in %d ms", "user %d logged in from 10.0.%d.%d",
                "job %d failed: quota exceeded after %d retries (%d)"};
        for (int i = 0; i < 200_000; i++) {
            String shape = shapes[i % shapes.length];
            m.add(String.format(shape, random.nextInt(), random.nextInt(1000), random.nextInt(1000)));
        }
        assertThat(m.patternCount()).isEqualTo(3);
        assertThat(m.cachedShapes()).isLessThanOrEqualTo(1_000);
        // many distinct shapes: the cache is emptied at its bound, the answers do not change
        int before = m.add("user 1 logged in from 10.0.0.1");
        for (int i = 0; i < 5_000; i++) {
            m.add("shape " + "x ".repeat(i % 97) + "tail" + (char) ('a' + i % 26));
        }
        assertThat(m.cachedShapes()).isLessThanOrEqualTo(1_000);
        assertThat(m.add("user 2 logged in from 10.0.0.2")).isEqualTo(m.resolve(before));
    }

    @Test
    void aCacheOfZeroStillGroupsTheSame() {
        TemplateMiner uncached = new TemplateMiner(MinerSettings.defaults().withCacheSize(0));
        int a = uncached.add("user 1 logged in");
        assertThat(uncached.add("user 2 logged in")).isEqualTo(a);
        assertThat(uncached.cachedShapes()).isZero();
    }

    @Test
    void unknownIdsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> miner.resolve(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no pattern 0: this miner has no patterns yet");
        miner.add("one");
        assertThatThrownBy(() -> miner.template(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no pattern 5: this miner's ids are 0 to 0");
        assertThatThrownBy(() -> miner.resolve(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsAreChecked() {
        MinerSettings d = MinerSettings.defaults();
        assertThatThrownBy(() -> d.withMaxPatterns(0)).hasMessageContaining("maxPatterns");
        assertThatThrownBy(() -> d.withSimilarity(0)).hasMessageContaining("similarity");
        assertThatThrownBy(() -> d.withSimilarity(1.5)).hasMessageContaining("similarity");
        assertThatThrownBy(() -> d.withSimilarity(Double.NaN)).hasMessageContaining("similarity");
        assertThatThrownBy(() -> d.withVariableAfter(1)).hasMessageContaining("variableAfter");
        assertThatThrownBy(() -> d.withValueVariableAfter(1)).hasMessageContaining("valueVariableAfter");
        assertThatThrownBy(() -> d.withCacheSize(-1)).hasMessageContaining("cacheSize");
    }

    @Test
    void minersOfDifferentServicesAreIndependent() {
        TemplateMiner other = new TemplateMiner();
        int a = miner.add("disk full on /dev/sda1");
        int b = other.add("connection refused by 10.0.0.1");
        int c = other.add("disk full on /dev/sdb2");
        assertThat(a).isZero();
        assertThat(b).isZero();
        assertThat(c).isEqualTo(1);
        assertThat(other.template(c)).isEqualTo(miner.template(a)).isEqualTo("disk full on <*>");
    }
}
