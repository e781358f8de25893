package dev.propsops.logs.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's scoring and reading, on data made here (they run without Loghub-2k). */
class LoghubTest {
    @Test
    void groupingAccuracyIsScoredAsZhuEtAlDefineIt() {
        // a line is right only when its predicted group is exactly its true group
        List<String> truth = List.of("E1", "E1", "E2", "E2", "E3");
        assertThat(Loghub.groupingAccuracy(truth, new int[] {0, 0, 1, 1, 2})).isEqualTo(1.0);
        assertThat(Loghub.groupingAccuracy(truth, new int[] {0, 0, 0, 0, 2})).isEqualTo(0.2); // E1+E2 merged
        assertThat(Loghub.groupingAccuracy(truth, new int[] {0, 1, 2, 2, 3})).isEqualTo(0.6); // E1 split
        assertThat(Loghub.groupingAccuracy(truth, new int[] {7, 7, 7, 7, 7})).isEqualTo(0.0);
        assertThatThrownBy(() -> Loghub.groupingAccuracy(truth, new int[] {0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCsvReaderHandlesQuotesCommasAndNewlines() {
        String csv = "LineId,Content,EventId\r\n1,\"a, \"\"quoted\"\" b\",E1\n2,\"two\nlines\",E2\n3,plain,E3";
        List<List<String>> rows = Loghub.parseCsv(csv);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).containsExactly("1", "a, \"quoted\" b", "E1");
        assertThat(rows.get(2)).containsExactly("2", "two\nlines", "E2");
        assertThat(rows.get(3)).containsExactly("3", "plain", "E3");
    }
}
