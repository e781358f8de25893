package dev.propsops.logs.source.file;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 times as gcloud prints them ({@code 2026-02-01T04:00:00.123456789Z}), parsed by hand: the file
 * reader parses one per entry, and {@link Instant#parse} would be a good part of its time. Anything else
 * (an offset other than Z, a missing fraction, lower-case letters) goes through {@link OffsetDateTime}.
 */
final class Rfc3339 {
    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    private Rfc3339() {
    }

    /** The instant, or null when the text is no RFC 3339 time. */
    static Instant parse(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (n >= 20 && s.charAt(n - 1) == 'Z' && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                && s.charAt(13) == ':' && s.charAt(16) == ':') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int nanos = 0;
            boolean ok = year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour >= 0 && hour < 24
                    && minute >= 0 && minute < 60 && second >= 0 && second < 60;
            if (ok && n > 20) {
                if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                    ok = false;
                } else {
                    int frac = digits(s, 20, n - 1);
                    ok = frac >= 0;
                    for (int i = n - 21; ok && i < 9; i++) {
                        frac *= 10;
                    }
                    nanos = frac;
                }
            } else if (ok && n != 20) {
                ok = false;
            }
            if (ok) {
                return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
            }
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean leap(int y) {
        return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static long epochDay(int year, int month, int day) {
        long y = year;
        long days = 365 * (y - 1970) + Math.floorDiv(y - 1969, 4) - Math.floorDiv(y - 1901, 100) + Math.floorDiv(y - 1601, 400);
        days += DAYS_BEFORE_MONTH[month - 1] + (month > 2 && leap(year) ? 1 : 0);
        return days + day - 1;
    }
}
