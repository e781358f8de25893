package dev.propsops.logs.grouping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loghub-2k (https://github.com/logpai/loghub; Zhu et al., "Loghub: A Large Collection of System Log
 * Datasets for AI-driven Log Analytics", ISSRE 2023), read where the machine keeps it: never copied into
 * the repository. Grouping accuracy as in Zhu et al., "Tools and Benchmarks for Automated Log Parsing"
 * (ICSE-SEIP 2019).
 */
final class Loghub {
    static final List<String> DATASETS = List.of("Android", "Apache", "BGL", "HDFS", "HPC", "Hadoop", "HealthApp",
            "Linux", "Mac", "OpenSSH", "OpenStack", "Proxifier", "Spark", "Thunderbird", "Windows", "Zookeeper");

    /** One line of a dataset: its message and its ground-truth event. */
    record Line(String content, String eventId) {
    }

    private Loghub() {
    }

    /**
     * The Loghub-2k directory: {@code $LOGHUB_DIR}, else {@code ../shared/loghub} beside the checkout (where
     * the project's machines and CI keep it), else /work/shared/loghub; empty when none holds the data.
     */
    static Optional<Path> directory() {
        String env = System.getenv("LOGHUB_DIR");
        List<Path> candidates = env != null && !env.isBlank() ? List.of(Path.of(env))
                : List.of(Path.of("..", "shared", "loghub"), Path.of("/work/shared/loghub"));
        return candidates.stream()
                .filter(dir -> Files.isRegularFile(dir.resolve("Android").resolve("Android_2k.log_structured.csv")))
                .findFirst();
    }

    static List<Line> read(Path dir, String dataset) {
        Path file = dir.resolve(dataset).resolve(dataset + "_2k.log_structured.csv");
        try {
            List<List<String>> rows = parseCsv(Files.readString(file, StandardCharsets.UTF_8));
            List<String> header = rows.get(0);
            int content = header.indexOf("Content");
            int event = header.indexOf("EventId");
            if (content < 0 || event < 0) {
                throw new IllegalStateException(file + " has no Content or EventId column");
            }
            List<Line> lines = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                lines.add(new Line(row.get(content), row.get(event)));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180: quoted fields, doubled quotes, newlines inside quotes. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * Grouping accuracy: a line is right when the lines of its predicted group are exactly the lines of its
     * ground-truth event. {@code predicted[i]} is line i's group.
     */
    static double groupingAccuracy(List<String> truth, int[] predicted) {
        if (truth.size() != predicted.length) {
            throw new IllegalArgumentException(truth.size() + " truths for " + predicted.length + " predictions");
        }
        Map<String, Integer> truthSize = new HashMap<>();
        Map<Integer, Integer> groupSize = new HashMap<>();
        Map<Integer, String> groupTruth = new HashMap<>();
        Map<Integer, Boolean> groupPure = new HashMap<>();
        for (int i = 0; i < predicted.length; i++) {
            truthSize.merge(truth.get(i), 1, Integer::sum);
            groupSize.merge(predicted[i], 1, Integer::sum);
            String t = groupTruth.putIfAbsent(predicted[i], truth.get(i));
            if (t != null && !t.equals(truth.get(i))) {
                groupPure.put(predicted[i], false);
            }
        }
        long right = 0;
        for (Map.Entry<Integer, Integer> g : groupSize.entrySet()) {
            if (groupPure.getOrDefault(g.getKey(), true)
                    && truthSize.get(groupTruth.get(g.getKey())).equals(g.getValue())) {
                right += g.getValue();
            }
        }
        return predicted.length == 0 ? 1.0 : (double) right / predicted.length;
    }
}
