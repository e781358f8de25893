package dev.propsops.testing;

import dev.propsops.PropsOps;
import dev.propsops.cli.Invocation;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs props-ops in-process, as the binary would run, with captured output, an environment of the test's
 * own (nothing inherited but PATH and HOME), optional standard input and a terminal or not.
 */
public final class CliDriver {
    private final CommandLine.IFactory factory;
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private boolean interactive;
    private Clock clock = Clock.systemUTC();

    public CliDriver(CommandLine.IFactory factory) {
        this.factory = factory;
        copy("PATH");
        copy("HOME");
        copy("JAVA_HOME");
    }

    public CliDriver env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliDriver withoutEnv(String name) {
        env.remove(name);
        return this;
    }

    public CliDriver stdin(String input) {
        this.stdin = input;
        return this;
    }

    /** Pretend a person sits at a terminal (prompts, live progress). */
    public CliDriver interactive(boolean value) {
        this.interactive = value;
        return this;
    }

    public CliDriver clock(Clock value) {
        this.clock = value;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Invocation invocation = new Invocation(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)), env, clock, interactive);
        int code = PropsOps.run(factory, invocation, args);
        return new Result(code, out.toString(), err.toString());
    }

    private void copy(String name) {
        String v = System.getenv(name);
        if (v != null) {
            env.put(name, v);
        }
    }

    /** What one run left behind. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }
}
