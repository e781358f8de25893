package dev.propsops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecuteOptionsTest {
    private final StringWriter err = new StringWriter();

    private Invocation invocation(boolean terminal, String stdin) {
        return new Invocation(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)), Map.of(), Clock.systemUTC(), terminal);
    }

    private static ExecuteOptions options(boolean execute, boolean yes) {
        ExecuteOptions o = new ExecuteOptions();
        o.execute = execute;
        o.yes = yes;
        return o;
    }

    @Test
    void aDryRunNeverActs() {
        assertThat(options(false, false).confirm(invocation(true, "y\n"), "Delete?")).isFalse();
        assertThat(options(false, true).confirm(invocation(false, ""), "Delete?")).isFalse();
    }

    @Test
    void executeWithoutYesAndWithoutATerminalIsRefusedAsUsage() {
        assertThatThrownBy(() -> options(true, false).checkUsable(invocation(false, "")))
                .isInstanceOfSatisfying(OpsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("--execute without --yes");
                });
    }

    @Test
    void yesActsWithoutAsking() {
        assertThat(options(true, true).confirm(invocation(false, ""), "Delete?")).isTrue();
        assertThat(err.toString()).doesNotContain("Delete?");
    }

    @Test
    void onATerminalItAsksAndOnlyYesActs() {
        assertThat(options(true, false).confirm(invocation(true, "yes\n"), "Delete 3 docs?")).isTrue();
        assertThat(err.toString()).contains("Delete 3 docs? [y/N]");
        assertThatThrownBy(() -> options(true, false).confirm(invocation(true, "\n"), "Delete?"))
                .isInstanceOfSatisfying(OpsException.class, e -> assertThat(e.getMessage()).contains("nothing was changed"));
        assertThatThrownBy(() -> options(true, false).confirm(invocation(true, ""), "Delete?"))
                .isInstanceOf(OpsException.class);
    }
}
