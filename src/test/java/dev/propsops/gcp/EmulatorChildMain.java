package dev.propsops.gcp;

import dev.propsops.testing.SignalDisposition;
import java.util.Map;

/**
 * Run in a child JVM by {@link FirestoreEmulatorTest}: starts an emulator, prints the signals it ignores and the
 * emulator's pid, then either waits to be signalled (Ctrl-C, SIGTERM) or throws, so the test can check that no
 * emulator JVM is left behind.
 */
public final class EmulatorChildMain {
    public static void main(String[] args) throws Exception {
        FirestoreEmulator emulator = FirestoreEmulator.start(EmulatorLocator.forEnvironment(Map.copyOf(System.getenv())),
                EmulatorSettings.defaults());
        // how this JVM was started matters to the signal test: it reads the dispositions this JVM inherited
        System.out.println("child-" + SignalDisposition.ofThisProcess().line());
        System.out.println("emulator-pid=" + emulator.pid());
        System.out.flush();
        if (args.length > 0 && args[0].equals("throw")) {
            throw new IllegalStateException("the job failed half-way");
        }
        Thread.sleep(120_000);
    }
}
