package dev.propsops.logs.grouping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The grouping-accuracy harness of src/bench/log-triage: feeds each Loghub-2k dataset's Content column to
 * a fresh {@link TemplateMiner} with the shipped settings and prints GA per dataset and the average.
 *
 * <pre>
 * LoghubGa [--dir DIR] [--assignments DIR] [--shuffled N] [--explain DATASET]...
 *          [--similarity S] [--variable-after K] [--value-variable-after K]
 * </pre>
 *
 * {@code --assignments} also writes each dataset's grouping as {@code DIR/<dataset>.csv} in the format of
 * {@code log-triage --assignments}, so that the benchmark's scorer can be checked against this one.
 * {@code --shuffled N} scores N random orders of each dataset instead of the file's order.
 * {@code --explain} prints, for a dataset, every ground-truth event that was not grouped right: how its
 * lines were split and what else shared their patterns (for studying failures, not for tuning per dataset).
 * {@code --similarity}, {@code --variable-after} and {@code --value-variable-after} try other settings on
 * all datasets at once; the figures in the benchmark README are those of the shipped defaults.
 */
public final class LoghubGa {
    public static void main(String[] args) throws IOException {
        Path dir = null;
        MinerSettings settings = MinerSettings.defaults();
        Path assignments = null;
        int orders = 0;
        List<String> explain = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--explain" -> explain.add(args[++i]);
                case "--assignments" -> assignments = Path.of(args[++i]);
                case "--shuffled" -> orders = Integer.parseInt(args[++i]);
                case "--similarity" -> settings = settings.withSimilarity(Double.parseDouble(args[++i]));
                case "--variable-after" -> settings = settings.withVariableAfter(Integer.parseInt(args[++i]));
                case "--value-variable-after" -> settings = settings.withValueVariableAfter(Integer.parseInt(args[++i]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (dir == null) {
            dir = Loghub.directory().orElseThrow(() -> new IllegalStateException(
                    "Loghub-2k not found (../shared/loghub, /work/shared/loghub): set LOGHUB_DIR or pass --dir"));
        }
        if (orders > 0) {
            shuffled(dir, settings, orders);
            return;
        }
        double sum = 0;
        System.out.printf(Locale.ROOT, "%-12s %6s %9s %9s%n", "dataset", "GA", "patterns", "events");
        for (String dataset : Loghub.DATASETS) {
            List<Loghub.Line> lines = Loghub.read(dir, dataset);
            Result r = run(lines, settings);
            sum += r.ga;
            System.out.printf(Locale.ROOT, "%-12s %6.3f %9d %9d%n", dataset, r.ga, r.patterns, r.events);
            if (assignments != null) {
                writeAssignments(assignments.resolve(dataset + ".csv"), r.predicted);
            }
            if (explain.contains(dataset)) {
                explain(lines, r);
            }
        }
        System.out.printf(Locale.ROOT, "%-12s %6.3f%n", "average", sum / Loghub.DATASETS.size());
    }

    /**
     * The miner is online, so its grouping depends on the order of the messages: GA over {@code orders}
     * random orders of each dataset (seeds 1 to orders), mean and minimum.
     */
    private static void shuffled(Path dir, MinerSettings settings, int orders) {
        System.out.printf(Locale.ROOT, "%-12s %6s %6s   (%d random orders)%n", "dataset", "mean", "min", orders);
        double sumMean = 0;
        double sumMin = 0;
        for (String dataset : Loghub.DATASETS) {
            List<Loghub.Line> lines = Loghub.read(dir, dataset);
            double sum = 0;
            double min = 1;
            for (int seed = 1; seed <= orders; seed++) {
                List<Loghub.Line> order = new ArrayList<>(lines);
                Collections.shuffle(order, new Random(seed));
                double ga = run(order, settings).ga;
                sum += ga;
                min = Math.min(min, ga);
            }
            double mean = Math.round(sum / orders * 1e9) / 1e9; // 10 x 0.9965 / 10 must print as 0.9965 does
            sumMean += mean;
            sumMin += min;
            System.out.printf(Locale.ROOT, "%-12s %6.3f %6.3f%n", dataset, mean, min);
        }
        System.out.printf(Locale.ROOT, "%-12s %6.3f %6.3f%n", "average", sumMean / Loghub.DATASETS.size(),
                sumMin / Loghub.DATASETS.size());
    }

    /** The CSV that {@code log-triage --assignments} writes: {@code index,pattern_id}, one line per entry. */
    private static void writeAssignments(Path file, int[] predicted) throws IOException {
        StringBuilder b = new StringBuilder("index,pattern_id\n");
        for (int i = 0; i < predicted.length; i++) {
            b.append(i).append(',').append(predicted[i]).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, b);
    }

    record Result(double ga, int patterns, long events, int[] predicted, TemplateMiner miner) {
    }

    static Result run(List<Loghub.Line> lines, MinerSettings settings) {
        TemplateMiner miner = new TemplateMiner(settings);
        int[] ids = new int[lines.size()];
        List<String> truth = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ids[i] = miner.add(lines.get(i).content());
            truth.add(lines.get(i).eventId());
        }
        for (int i = 0; i < ids.length; i++) {
            ids[i] = miner.resolve(ids[i]);
        }
        return new Result(Loghub.groupingAccuracy(truth, ids), miner.patternCount(),
                truth.stream().distinct().count(), ids, miner);
    }

    private static void explain(List<Loghub.Line> lines, Result r) {
        Map<String, Map<Integer, Integer>> byEvent = new TreeMap<>();
        Map<Integer, Map<String, Integer>> byPattern = new LinkedHashMap<>();
        Map<String, String> sample = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String e = lines.get(i).eventId();
            byEvent.computeIfAbsent(e, k -> new TreeMap<>()).merge(r.predicted[i], 1, Integer::sum);
            byPattern.computeIfAbsent(r.predicted[i], k -> new TreeMap<>()).merge(e, 1, Integer::sum);
            sample.putIfAbsent(e, lines.get(i).content());
        }
        List<Map.Entry<String, Map<Integer, Integer>>> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Integer>> e : byEvent.entrySet()) {
            Map<Integer, Integer> split = e.getValue();
            boolean right = split.size() == 1 && byPattern.get(split.keySet().iterator().next()).size() == 1;
            if (!right) {
                wrong.add(e);
            }
        }
        // the largest losses first
        wrong.sort((a, b) -> Integer.compare(total(b.getValue()), total(a.getValue())));
        for (Map.Entry<String, Map<Integer, Integer>> e : wrong) {
            Map<Integer, Integer> split = e.getValue();
            System.out.printf("  %s (%d lines) e.g. %s%n", e.getKey(), total(split), abbreviate(sample.get(e.getKey())));
            for (Map.Entry<Integer, Integer> p : split.entrySet()) {
                System.out.printf("     %4d in #%d %s  shared with %s%n", p.getValue(), p.getKey(),
                        abbreviate(r.miner.template(p.getKey())), others(byPattern.get(p.getKey()), e.getKey()));
            }
        }
    }

    private static int total(Map<Integer, Integer> split) {
        return split.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String others(Map<String, Integer> events, String self) {
        Map<String, Integer> rest = new TreeMap<>(events);
        rest.remove(self);
        return rest.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
