package dev.propsops.gcp;

import java.util.Map;

/**
 * Run in a child JVM by {@link FirestoreEmulatorTest}: starts an emulator, prints its pid, then either
 * waits to be interrupted (Ctrl-C) or throws, so the test can check that no emulator JVM is left behind.
 */
public final class EmulatorChildMain {
    public static void main(String[] args) throws Exception {
        FirestoreEmulator emulator = FirestoreEmulator.start(EmulatorLocator.forEnvironment(Map.copyOf(System.getenv())),
                EmulatorSettings.defaults());
        System.out.println("emulator-pid=" + emulator.pid());
        System.out.flush();
        if (args.length > 0 && args[0].equals("throw")) {
            throw new IllegalStateException("the job failed half-way");
        }
        Thread.sleep(120_000);
    }
}
