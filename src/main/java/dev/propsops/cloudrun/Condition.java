package dev.propsops.cloudrun;

import java.util.List;
import java.util.Optional;

/**
 * A resource condition (Ready, RoutesReady, ConfigurationsReady, Completed, ...), in one shape for the Admin
 * API v2 ({@code CONDITION_SUCCEEDED}, {@code CONDITION_FAILED}, ...) and the Knative v1 objects gcloud
 * prints ({@code "True"}, {@code "False"}, {@code "Unknown"}).
 */
public record Condition(String type, State state, String reason, String message) {
    public enum State {
        TRUE,
        FALSE,
        UNKNOWN
    }

    /** The condition of a type in a list, if present. */
    public static Optional<Condition> of(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> c.type().equalsIgnoreCase(type)).findFirst();
    }

    /** Reason and message for a person, whichever are set. */
    public String explain() {
        String r = reason == null || reason.isBlank() ? "" : reason;
        String m = message == null || message.isBlank() ? "" : message;
        return r.isEmpty() ? m : m.isEmpty() ? r : r + ": " + m;
    }
}
