package dev.propsops.drift.check;

/**
 * One measured feature: its name, its position in the check's array column (or -1 when the feature is a
 * column of that name), when it counts as present, and its thresholds.
 */
public record Feature(String name, int position, Presence presence, Thresholds thresholds) {
    public boolean isArrayElement() {
        return position >= 0;
    }
}
