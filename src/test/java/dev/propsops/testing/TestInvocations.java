package dev.propsops.testing;

import dev.propsops.cli.Invocation;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

/** An {@link Invocation} with captured streams, for tests of services and adapters below the CLI. */
public final class TestInvocations {
    private TestInvocations() {
    }

    public static Invocation quiet(StringWriter err) {
        return new Invocation(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), Map.of("HOME", System.getProperty("java.io.tmpdir")),
                Clock.systemUTC(), false);
    }

    public static Invocation quiet() {
        return quiet(new StringWriter());
    }
}
