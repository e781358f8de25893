package dev.propsops.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run of props-ops reads from or writes to its surroundings: the output streams, standard
 * input, the environment, the clock, and whether a person sits at a terminal. Commands take these from
 * here and never from {@code System}, so tests drive a command in-process with captured streams and an
 * environment of their own.
 */
public final class Invocation {
    /** Set by Cloud Run for every job execution; switches logs to structured JSON. */
    public static final String CLOUD_RUN_JOB = "CLOUD_RUN_JOB";

    private final PrintWriter out;
    private final PrintWriter err;
    private final BufferedReader in;
    private final Map<String, String> env;
    private final Clock clock;
    private final boolean interactive;
    private final OpsLog log;
    private final java.util.Deque<AutoCloseable> atEnd = new java.util.ArrayDeque<>();

    public Invocation(PrintWriter out, PrintWriter err, BufferedReader in, Map<String, String> env, Clock clock,
            boolean interactive) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.interactive = interactive;
        this.log = new OpsLog(err, onCloudRun(), clock);
    }

    /** The real process: System streams, the process environment, the system clock. */
    public static Invocation system() {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        boolean interactive = System.console() != null && System.getenv(CLOUD_RUN_JOB) == null;
        return new Invocation(out, err, in, System.getenv(), Clock.systemUTC(), interactive);
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public BufferedReader in() {
        return in;
    }

    public Clock clock() {
        return clock;
    }

    /** True when a person can answer a prompt and watch a live progress line. */
    public boolean interactive() {
        return interactive;
    }

    public OpsLog log() {
        return log;
    }

    public Map<String, String> env() {
        return env;
    }

    /** An environment variable, empty when unset or blank. */
    public Optional<String> env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public boolean onCloudRun() {
        return env(CLOUD_RUN_JOB).isPresent();
    }

    /** Closes {@code resource} when the run ends, whatever way it ends (last registered, first closed). */
    public <T extends AutoCloseable> T closeAtEnd(T resource) {
        synchronized (atEnd) {
            atEnd.push(resource);
        }
        return resource;
    }

    /** Ends the run: closes what was registered; a failure to close is logged, never thrown. */
    public void end() {
        while (true) {
            AutoCloseable next;
            synchronized (atEnd) {
                next = atEnd.poll();
            }
            if (next == null) {
                return;
            }
            try {
                next.close();
            } catch (Exception e) {
                log.warn("could not release " + next + ": " + e.getMessage());
            }
        }
    }
}
