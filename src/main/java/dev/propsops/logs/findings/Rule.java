package dev.propsops.logs.findings;

import dev.propsops.cli.Rating;

/** log-triage's rules, with the rating each gives (the README defines them). */
public enum Rule {
    NO_MESSAGE("no-message", Rating.HIGH),
    PERMISSION_DENIED("permission-denied", Rating.MEDIUM),
    NEW_PATTERN("new-pattern", Rating.MEDIUM),
    SPIKE("spike", Rating.MEDIUM),
    RECURRING("recurring", Rating.LOW);

    private final String key;
    private final Rating rating;

    Rule(String key, Rating rating) {
        this.key = key;
        this.rating = rating;
    }

    /** As reports and JSON write it: {@code no-message}. */
    public String key() {
        return key;
    }

    public Rating rating() {
        return rating;
    }
}
