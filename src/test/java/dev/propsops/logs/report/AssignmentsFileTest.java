package dev.propsops.logs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.cli.OpsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignmentsFileTest {
    @TempDir
    Path dir;

    @Test
    void linesComeOutInIndexOrderWithFinalIdsWhateverOrderTheyCameIn() throws Exception {
        int n = AssignmentsFile.WINDOW * 3 + 17;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // mostly in order, with some indices arriving far late (an open traceback) and some skipped entries
        Collections.shuffle(order.subList(100, 400), new Random(7));
        order.remove(Integer.valueOf(5));
        order.add(5);
        Path file = dir.resolve("a.csv");
        AssignmentsFile a = AssignmentsFile.create(file);
        for (int i : order) {
            if (i % 1000 == 999) {
                a.skip(i);
            } else {
                a.assign(i, i % 7);
            }
        }
        a.finish(p -> p * 10);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(lines.get(i)).isEqualTo(i + "," + (i % 1000 == 999 ? "" : String.valueOf((i % 7) * 10)));
        }
        assertThat(a.written()).isEqualTo(n);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.csv");
        }
    }

    @Test
    void anIndexAssignedTwiceIsABug() {
        AssignmentsFile a = AssignmentsFile.create(dir.resolve("b.csv"));
        a.assign(0, 1);
        assertThatThrownBy(() -> a.assign(0, 2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFolderThatDoesNotExistIsAUsageError() {
        assertThatThrownBy(() -> AssignmentsFile.create(dir.resolve("missing/a.csv"))).isInstanceOf(OpsException.class)
                .hasMessageContaining("does not exist");
    }
}
