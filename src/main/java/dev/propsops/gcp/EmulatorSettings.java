package dev.propsops.gcp;

import java.time.Duration;

/** How props-ops starts a private Firestore emulator, from {@code ops.gcp.emulator.*}. */
public record EmulatorSettings(String heap, Duration startTimeout) {
    public static EmulatorSettings defaults() {
        return new EmulatorSettings("512m", Duration.ofSeconds(60));
    }
}
