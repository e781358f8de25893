package dev.propsops.audit;

import dev.propsops.cli.Rating;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing the audit found, as the handoff wrote them: a rating, what it is about, the evidence (numbers and
 * names, one line each) and the next step, a command where there is one. {@code facts} carries the same
 * numbers for machines (values are strings, numbers or booleans), printed in the JSON report.
 */
public record Finding(Rating rating, String check, String resource, String title, List<String> evidence,
        Optional<String> nextStep, Map<String, Object> facts) {
    public Finding {
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(check, "check");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a finding needs a title");
        }
        evidence = List.copyOf(evidence);
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** Starts a finding of a check; the builder keeps evidence and facts in the order they are added. */
    public static Builder of(Rating rating, String check, String resource, String title) {
        return new Builder(rating, check, resource, title);
    }

    public static final class Builder {
        private final Rating rating;
        private final String check;
        private final String resource;
        private final String title;
        private final List<String> evidence = new java.util.ArrayList<>();
        private final Map<String, Object> facts = new LinkedHashMap<>();
        private String nextStep;

        private Builder(Rating rating, String check, String resource, String title) {
            this.rating = rating;
            this.check = check;
            this.resource = resource;
            this.title = title;
        }

        public Builder evidence(String line) {
            evidence.add(line);
            return this;
        }

        public Builder fact(String name, Object value) {
            facts.put(name, value);
            return this;
        }

        public Builder next(String step) {
            this.nextStep = step;
            return this;
        }

        public Finding build() {
            return new Finding(rating, check, resource, title, evidence, Optional.ofNullable(nextStep), facts);
        }
    }
}
