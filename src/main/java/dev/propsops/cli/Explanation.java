package dev.propsops.cli;

import java.util.Optional;

/** What the error handler prints for a failure: never empty, with the fix when one is known. */
public record Explanation(int exitCode, String message, Optional<String> fix) {
    public Explanation {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("an explanation needs a message");
        }
    }
}
