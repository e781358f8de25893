package dev.propsops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailOnOptionsTest {
    @Test
    void criticalByDefaultWarnWhenAsked() {
        FailOnOptions o = new FailOnOptions();
        assertThat(o.exitCodeFor(Severity.ok)).isEqualTo(ExitCode.OK);
        assertThat(o.exitCodeFor(Severity.warn)).isEqualTo(ExitCode.OK);
        assertThat(o.exitCodeFor(Severity.critical)).isEqualTo(ExitCode.FINDINGS);
        o.failOn = FailOnOptions.Level.warn;
        assertThat(o.exitCodeFor(Severity.ok)).isEqualTo(ExitCode.OK);
        assertThat(o.exitCodeFor(Severity.warn)).isEqualTo(ExitCode.FINDINGS);
        assertThat(o.exitCodeFor(Severity.critical)).isEqualTo(ExitCode.FINDINGS);
        assertThat(Severity.worst(Severity.warn, Severity.critical)).isEqualTo(Severity.critical);
    }
}
