package dev.propsops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class RatingFailOnOptionsTest {
    @Command(name = "t")
    static class T {
        @Mixin
        RatingFailOnOptions failOn;
    }

    private static RatingFailOnOptions parse(String... args) {
        T t = new T();
        new CommandLine(t).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return t.failOn;
    }

    @Test
    void theJobsDefaultAppliesWhenNotGiven() {
        RatingFailOnOptions o = parse();
        assertThat(o.threshold(Rating.HIGH)).contains(Rating.HIGH);
        assertThat(o.exitCodeFor(Optional.of(Rating.HIGH), Rating.HIGH)).isEqualTo(ExitCode.FINDINGS);
        assertThat(o.exitCodeFor(Optional.of(Rating.MEDIUM), Rating.HIGH)).isEqualTo(ExitCode.OK);
        assertThat(o.exitCodeFor(Optional.empty(), Rating.LOW)).isEqualTo(ExitCode.OK);
    }

    @Test
    void aGivenLevelOrNeverWins() {
        assertThat(parse("--fail-on", "MEDIUM").exitCodeFor(Optional.of(Rating.MEDIUM), Rating.HIGH)).isEqualTo(ExitCode.FINDINGS);
        assertThat(parse("--fail-on", "low").exitCodeFor(Optional.of(Rating.INFO), Rating.HIGH)).isEqualTo(ExitCode.OK);
        assertThat(parse("--fail-on", "never").exitCodeFor(Optional.of(Rating.CRITICAL), Rating.HIGH)).isEqualTo(ExitCode.OK);
    }
}
