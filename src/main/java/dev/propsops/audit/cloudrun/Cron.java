package dev.propsops.audit.cloudrun;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.Locale;

/**
 * A Cloud Scheduler schedule (unix-cron: minute hour day-of-month month day-of-week, with {@code *}, lists,
 * ranges and steps) read for one thing: the longest gap between two runs, which is the interval a job must
 * have run within. Found by walking the minutes of a year and a few weeks (time zones do not change gaps
 * except around DST, which the 2x margin of the jobs check absorbs).
 */
public final class Cron {
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean daysRestricted;
    private final boolean weekdaysRestricted;

    private Cron(BitSet minutes, BitSet hours, BitSet days, BitSet months, BitSet weekdays, boolean daysRestricted,
            boolean weekdaysRestricted) {
        this.minutes = minutes;
        this.hours = hours;
        this.days = days;
        this.months = months;
        this.weekdays = weekdays;
        this.daysRestricted = daysRestricted;
        this.weekdaysRestricted = weekdaysRestricted;
    }

    /** Parses five fields; anything else is an {@link IllegalArgumentException} that says what. */
    public static Cron parse(String expression) {
        String[] f = expression == null ? new String[0] : expression.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("'" + expression + "' is not a five-field cron schedule");
        }
        BitSet weekdays = field(f[4], 0, 7, "day of week");
        if (weekdays.get(7)) {
            weekdays.set(0); // 7 is Sunday too
        }
        return new Cron(field(f[0], 0, 59, "minute"), field(f[1], 0, 23, "hour"), field(f[2], 1, 31, "day of month"),
                field(f[3], 1, 12, "month"), weekdays, !f[2].equals("*"), !f[4].equals("*"));
    }

    /** The longest time between two consecutive runs; empty when it never runs (e.g. 31 February). */
    public java.util.Optional<Duration> longestGap() {
        LocalDateTime t = LocalDateTime.of(2025, 1, 1, 0, 0);
        LocalDateTime end = t.plusDays(400);
        LocalDateTime previous = null;
        Duration longest = Duration.ZERO;
        while (t.isBefore(end)) {
            if (!matchesDay(t)) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.withMinute(0).plusHours(1);
                continue;
            }
            if (minutes.get(t.getMinute())) {
                if (previous != null) {
                    Duration gap = Duration.between(previous, t);
                    longest = gap.compareTo(longest) > 0 ? gap : longest;
                }
                previous = t;
            }
            t = t.plusMinutes(1);
        }
        return previous == null ? java.util.Optional.empty() : java.util.Optional.of(longest.isZero() ? Duration.ofDays(400) : longest);
    }

    private boolean matchesDay(LocalDateTime t) {
        if (!months.get(t.getMonthValue())) {
            return false;
        }
        boolean dom = days.get(t.getDayOfMonth());
        boolean dow = weekdays.get(t.getDayOfWeek().getValue() % 7);
        // cron's rule: when both are restricted, either matches
        if (daysRestricted && weekdaysRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    private static BitSet field(String text, int min, int max, String what) {
        BitSet set = new BitSet(max + 1);
        for (String part : text.split(",")) {
            String p = part.toUpperCase(Locale.ROOT);
            int step = 1;
            int slash = p.indexOf('/');
            if (slash >= 0) {
                step = number(p.substring(slash + 1), 1, max, what, text);
                p = p.substring(0, slash);
            }
            int from;
            int to;
            if (p.equals("*")) {
                from = min;
                to = max;
            } else if (p.contains("-")) {
                String[] r = p.split("-", 2);
                from = number(r[0], min, max, what, text);
                to = number(r[1], min, max, what, text);
            } else {
                from = number(p, min, max, what, text);
                to = slash >= 0 ? max : from;
            }
            if (from > to) {
                throw new IllegalArgumentException("'" + text + "': the " + what + " range " + from + "-" + to + " is backwards");
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static final java.util.Map<String, Integer> NAMES = java.util.Map.ofEntries(
            java.util.Map.entry("SUN", 0), java.util.Map.entry("MON", 1), java.util.Map.entry("TUE", 2),
            java.util.Map.entry("WED", 3), java.util.Map.entry("THU", 4), java.util.Map.entry("FRI", 5),
            java.util.Map.entry("SAT", 6), java.util.Map.entry("JAN", 1), java.util.Map.entry("FEB", 2),
            java.util.Map.entry("MAR", 3), java.util.Map.entry("APR", 4), java.util.Map.entry("MAY", 5),
            java.util.Map.entry("JUN", 6), java.util.Map.entry("JUL", 7), java.util.Map.entry("AUG", 8),
            java.util.Map.entry("SEP", 9), java.util.Map.entry("OCT", 10), java.util.Map.entry("NOV", 11),
            java.util.Map.entry("DEC", 12));

    private static int number(String s, int min, int max, String what, String text) {
        Integer named = NAMES.get(s);
        int v;
        if (named != null) {
            v = named;
        } else {
            try {
                v = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': '" + s + "' is not a " + what);
            }
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("'" + text + "': " + what + " " + v + " is outside " + min + "-" + max);
        }
        return v;
    }
}
