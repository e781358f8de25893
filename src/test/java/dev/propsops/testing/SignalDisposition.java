package dev.propsops.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Which signals a process ignores, from {@code SigIgn} in /proc/&lt;pid&gt;/status (Linux). A process started from a
 * background job of a non-interactive shell ({@code ./mvnw verify > log 2>&1 &} in a script) inherits SIGINT and
 * SIGQUIT ignored (mask 0x6); its children inherit that in turn, and HotSpot then installs no handler for SIGINT, so a
 * Ctrl-C style SIGINT does nothing to them. Tests that signal a child use this to start it with the disposition a
 * terminal would give it.
 */
public final class SignalDisposition {
    public static final int SIGINT = 2;
    public static final int SIGTERM = 15;

    private final long ignoredMask;

    private SignalDisposition(long ignoredMask) {
        this.ignoredMask = ignoredMask;
    }

    /** Of this process; an empty mask where /proc is not there (nothing known to be ignored). */
    public static SignalDisposition ofThisProcess() {
        return ofStatus(Path.of("/proc/self/status"));
    }

    static SignalDisposition ofStatus(Path status) {
        try {
            return parse(Files.readString(status));
        } catch (IOException e) {
            return new SignalDisposition(0);
        }
    }

    /** From the text of a /proc/&lt;pid&gt;/status file (or a line {@code SigIgn:\t<hex>} printed by a child). */
    public static SignalDisposition parse(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("SigIgn:")) {
                return new SignalDisposition(Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16));
            }
        }
        throw new IllegalArgumentException("no SigIgn line in: " + status);
    }

    public boolean ignores(int signal) {
        return (ignoredMask & (1L << (signal - 1))) != 0;
    }

    /** {@code SigIgn:\t<hex>}, as /proc prints it, for a child to report to its parent. */
    public String line() {
        return String.format(Locale.ROOT, "SigIgn:\t%016x", ignoredMask);
    }

    public String mask() {
        return String.format(Locale.ROOT, "0x%x", ignoredMask);
    }

    /**
     * The command prefix that starts a child with {@code signal} back at its default disposition, when this process
     * ignores it (empty when it does not). GNU env's --default-signal does that; a shell cannot (POSIX: "signals that
     * were ignored on entry to a non-interactive shell cannot be trapped or reset").
     */
    public static List<String> restoring(int signal) {
        if (!ofThisProcess().ignores(signal)) {
            return List.of();
        }
        List<String> prefix = List.of("env", "--default-signal=" + signal);
        if (!works(prefix)) {
            throw new IllegalStateException("this process ignores signal " + signal + " (SigIgn "
                    + ofThisProcess().mask() + ", inherited from a shell that started it in the background), and `env "
                    + "--default-signal` (GNU coreutils 8.31+) is not there to start a child without that: the child "
                    + "would ignore the signal the test sends");
        }
        return prefix;
    }

    private static boolean works(List<String> prefix) {
        try {
            List<String> command = new java.util.ArrayList<>(prefix);
            command.add("true");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
