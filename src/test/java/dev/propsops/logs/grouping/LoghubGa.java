package dev.propsops.logs.grouping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The grouping-accuracy harness of src/bench/log-triage: feeds each Loghub-2k dataset's Content column to
 * a fresh {@link TemplateMiner} with the shipped settings and prints GA per dataset and the average.
 *
 * <pre>
 * LoghubGa [--dir DIR] [--explain DATASET]... [--similarity S] [--variable-after K] [--value-variable-after K]
 * </pre>
 *
 * {@code --explain} prints, for a dataset, every ground-truth event that was not grouped right: how its
 * lines were split and what else shared their patterns (for studying failures, not for tuning per dataset).
 * {@code --similarity}, {@code --variable-after} and {@code --value-variable-after} try other settings on all datasets at once; the
 * figures in the benchmark README are those of the shipped defaults.
 */
public final class LoghubGa {
    public static void main(String[] args) {
        Path dir = null;
        MinerSettings settings = MinerSettings.defaults();
        List<String> explain = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--explain" -> explain.add(args[++i]);
                case "--similarity" -> settings = settings.withSimilarity(Double.parseDouble(args[++i]));
                case "--variable-after" -> settings = settings.withVariableAfter(Integer.parseInt(args[++i]));
                case "--value-variable-after" -> settings = settings.withValueVariableAfter(Integer.parseInt(args[++i]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (dir == null) {
            dir = Loghub.directory().orElseThrow(() -> new IllegalStateException(
                    "Loghub-2k not found: set LOGHUB_DIR or pass --dir"));
        }
        double sum = 0;
        System.out.printf(Locale.ROOT, "%-12s %6s %9s %9s%n", "dataset", "GA", "patterns", "events");
        for (String dataset : Loghub.DATASETS) {
            List<Loghub.Line> lines = Loghub.read(dir, dataset);
            Result r = run(lines, settings);
            sum += r.ga;
            System.out.printf(Locale.ROOT, "%-12s %6.3f %9d %9d%n", dataset, r.ga, r.patterns, r.events);
            if (explain.contains(dataset)) {
                explain(lines, r);
            }
        }
        System.out.printf(Locale.ROOT, "%-12s %6.3f%n", "average", sum / Loghub.DATASETS.size());
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
