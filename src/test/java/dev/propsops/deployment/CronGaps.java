package dev.propsops.deployment;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.BitSet;

/**
 * The longest gap between two firings of a Cloud Scheduler cron (minute hour day-of-month month day-of-week;
 * {@code *}, {@code a-b}, {@code a,b} and {@code /n} steps), found by walking four weeks minute by minute: the
 * interval a job's own heartbeat is expected to keep.
 */
final class CronGaps {
    private CronGaps() {
    }

    static Duration longestGap(String cron) {
        String[] f = cron.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("not a 5-field cron: " + cron);
        }
        BitSet minute = field(f[0], 0, 59);
        BitSet hour = field(f[1], 0, 23);
        BitSet dom = field(f[2], 1, 31);
        BitSet month = field(f[3], 1, 12);
        BitSet dow = field(f[4].replace("7", "0"), 0, 6);
        LocalDateTime t = LocalDateTime.of(2026, 1, 5, 0, 0);
        LocalDateTime end = t.plusWeeks(4);
        LocalDateTime last = null;
        Duration longest = Duration.ZERO;
        for (; t.isBefore(end); t = t.plusMinutes(1)) {
            int d = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue();
            if (minute.get(t.getMinute()) && hour.get(t.getHour()) && dom.get(t.getDayOfMonth()) && month.get(t.getMonthValue())
                    && dow.get(d)) {
                if (last != null && Duration.between(last, t).compareTo(longest) > 0) {
                    longest = Duration.between(last, t);
                }
                last = t;
            }
        }
        if (longest.isZero()) {
            throw new IllegalArgumentException("fires less than twice in four weeks: " + cron);
        }
        return longest;
    }

    private static BitSet field(String spec, int min, int max) {
        BitSet bits = new BitSet();
        for (String part : spec.split(",")) {
            int step = 1;
            String range = part;
            if (part.contains("/")) {
                step = Integer.parseInt(part.substring(part.indexOf('/') + 1));
                range = part.substring(0, part.indexOf('/'));
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = Integer.parseInt(range.substring(0, range.indexOf('-')));
                to = Integer.parseInt(range.substring(range.indexOf('-') + 1));
            } else {
                from = Integer.parseInt(range);
                to = part.contains("/") ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }
}
