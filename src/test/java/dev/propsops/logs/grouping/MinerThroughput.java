package dev.propsops.logs.grouping;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The miner alone, for src/bench/log-triage: messages per second and retained heap. The messages are the
 * 32,000 Loghub-2k lines, one miner per dataset (a service each), taken in a shuffled order, every digit of
 * every message redrawn at random so no two raw messages repeat (ids, counters, addresses change as in
 * production; what a message says does not). Wall time is shared with whatever else runs on the machine; CPU
 * time is the JVM's own, all its threads (JIT compiler and GC included), so it is the steadier figure.
 *
 * <pre>
 * MinerThroughput [--dir DIR] [--messages N] [--runs R]
 * </pre>
 */
public final class MinerThroughput {
    public static void main(String[] args) {
        Path dir = null;
        int messages = 1_000_000;
        int runs = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (dir == null) {
            dir = Loghub.directory().orElseThrow(() -> new IllegalStateException(
                    "Loghub-2k not found (../shared/loghub, /work/shared/loghub): set LOGHUB_DIR or pass --dir"));
        }
        List<List<String>> byService = new ArrayList<>();
        for (String dataset : Loghub.DATASETS) {
            byService.add(Loghub.read(dir, dataset).stream().map(Loghub.Line::content).toList());
        }
        // the stream: (service, message) pairs, prepared before timing so that only the miner is measured
        Random random = new Random(42);
        int[] service = new int[messages];
        String[] text = new String[messages];
        for (int i = 0; i < messages; i++) {
            int s = random.nextInt(byService.size());
            List<String> lines = byService.get(s);
            service[i] = s;
            text[i] = redrawDigits(lines.get(random.nextInt(lines.size())), random);
        }
        for (int run = 1; run <= runs; run++) {
            System.gc();
            long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            TemplateMiner[] miners = new TemplateMiner[byService.size()];
            for (int s = 0; s < miners.length; s++) {
                miners[s] = new TemplateMiner();
            }
            long checksum = 0;
            long c0 = processCpu();
            long t0 = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                checksum += miners[service[i]].add(text[i]);
            }
            long t1 = System.nanoTime();
            long c1 = processCpu();
            int patterns = 0;
            for (TemplateMiner m : miners) {
                patterns += m.patternCount();
            }
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            double seconds = (t1 - t0) / 1e9;
            double cpu = (c1 - c0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %,d messages in %.3f s wall (%,.0f/s), %.3f s CPU (%,.0f/s); %d patterns; miners retain %.1f MiB (checksum %d)%n",
                    run, messages, seconds, messages / seconds, cpu, messages / cpu, patterns, (heap - before) / 1048576.0, checksum);
            if (run == runs) {
                // keep the miners reachable until the heap was measured
                System.out.println("miners: " + miners.length);
            }
        }
    }

    /** CPU time of the whole JVM (the JIT compiler and GC threads too), in nanoseconds. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String redrawDigits(String s, Random random) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '0' && c[i] <= '9') {
                c[i] = (char) ('0' + random.nextInt(10));
            }
        }
        return new String(c);
    }
}
