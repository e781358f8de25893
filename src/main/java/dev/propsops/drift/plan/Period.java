package dev.propsops.drift.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A labelled run of days, both ends included: a month of the window (possibly clipped) or a baseline. */
public record Period(String label, LocalDate start, LocalDate end) {
    public Period {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period " + label + " ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean overlaps(Period other) {
        return !start.isAfter(other.end) && !other.start.isAfter(end);
    }

    public String range() {
        return start.equals(end) ? start.toString() : start + ".." + end;
    }
}
