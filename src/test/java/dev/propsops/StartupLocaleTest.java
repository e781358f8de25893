package dev.propsops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.cli.ExitCode;
import dev.propsops.testing.CliDriver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A job prints the same whatever locale it is started under: the native binary always runs en-US, and the JVM
 * binary must not print 250.000 or $5,29 where the binary (and the README) print 250,000 and $5.29.
 */
@QuarkusTest
class StartupLocaleTest {
    private static final Locale STARTED_WITH = Locale.getDefault();

    @Inject
    CommandLine.IFactory factory;

    @AfterEach
    void restore() {
        Locale.setDefault(STARTED_WITH);
    }

    @Test
    void aTurkishLocaleDoesNotChangeHowNumbersPrint() {
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        assertThat(String.format("%,d %.2f", 48_210, 5.29)).as("the premise: a Turkish default").isEqualTo("48.210 5,29");
        Path inventory = Path.of("src/test/resources/staging/nba_raw-tables.json").toAbsolutePath();

        CliDriver.Result r = new CliDriver(factory).clock(Clock.fixed(Instant.parse("2026-02-01T12:00:00Z"), ZoneOffset.UTC))
                .run("staging-prune", "--sport", "nba", "--inventory", inventory.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("48,210").containsPattern("\\$\\d+\\.\\d\\d/month").doesNotContain("48.210")
                .doesNotContainPattern("\\$\\d+,\\d\\d/month");
    }
}
