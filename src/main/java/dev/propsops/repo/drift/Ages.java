package dev.propsops.repo.drift;

import java.time.Duration;
import java.time.Instant;

/** Ages as reports say them: "40 min", "5 h", "3 days". */
final class Ages {
    private Ages() {
    }

    static String ago(Instant then, Instant now) {
        return of(Duration.between(then, now)) + " ago";
    }

    static String of(Duration d) {
        long m = Math.max(0, d.toMinutes());
        if (m < 120) {
            return m + " min";
        }
        if (m < 48 * 60) {
            return m / 60 + " h";
        }
        return m / (60 * 24) + " days";
    }
}
