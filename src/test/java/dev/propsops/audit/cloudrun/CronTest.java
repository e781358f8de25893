package dev.propsops.audit.cloudrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Cloud Scheduler's unix-cron schedules read as "the longest gap between two runs". */
class CronTest {
    static Duration gap(String cron) {
        return Cron.parse(cron).longestGap().orElseThrow();
    }

    @Test
    void theLongestGapOfCommonSchedules() {
        assertThat(gap("*/30 * * * *")).isEqualTo(Duration.ofMinutes(30));
        assertThat(gap("30 4 * * *")).isEqualTo(Duration.ofDays(1));
        assertThat(gap("0 6 * * 1")).isEqualTo(Duration.ofDays(7));
        assertThat(gap("0 8,20 * * *")).isEqualTo(Duration.ofHours(12));
        assertThat(gap("0 9 * * MON-FRI")).isEqualTo(Duration.ofDays(3));
        assertThat(gap("0 0 1 * *")).isEqualTo(Duration.ofDays(31));
        assertThat(gap("15 */6 * * *")).isEqualTo(Duration.ofHours(6));
        assertThat(gap("0 0 * * 7")).isEqualTo(Duration.ofDays(7));
        // both day fields restricted: either matches (cron's rule)
        assertThat(gap("0 0 1 * 1")).isLessThanOrEqualTo(Duration.ofDays(7));
        assertThat(Cron.parse("0 0 31 2 *").longestGap()).isEmpty();
    }

    @Test
    void badSchedulesSayWhatIsWrong() {
        assertThatThrownBy(() -> Cron.parse("0 8 * *")).hasMessageContaining("not a five-field cron schedule");
        assertThatThrownBy(() -> Cron.parse("61 8 * * *")).hasMessageContaining("minute 61 is outside 0-59");
        assertThatThrownBy(() -> Cron.parse("0 8 * * funday")).hasMessageContaining("'FUNDAY' is not a day of week");
        assertThatThrownBy(() -> Cron.parse("0 20-8 * * *")).hasMessageContaining("backwards");
    }

    /** The shipped ops.audit.job-intervals of props-ops' own jobs are their triggers' schedules. */
    @Test
    void theShippedJobIntervalsMatchTheTriggerFiles() throws IOException {
        Properties p = new Properties();
        try (InputStream in = CronTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> triggers;
        try (Stream<Path> files = Files.walk(Path.of("deployment/cloudrun"))) {
            triggers = files.filter(f -> f.toString().endsWith(".trigger.yaml")).sorted().toList();
        }
        assertThat(triggers).isNotEmpty();
        for (Path t : triggers) {
            String job = "props-ops-" + t.getParent().getFileName() + "-" + t.getFileName().toString().replace(".trigger.yaml", "");
            JsonNode trigger = yaml.readTree(t.toFile());
            String configured = p.getProperty("ops.audit.job-intervals.\"" + job + "\"");
            assertThat(configured).as("application.properties has no ops.audit.job-intervals.\"" + job + "\"").isNotNull();
            assertThat(dev.propsops.cli.DurationConverter.parse(configured)).as(job)
                    .isEqualTo(gap(trigger.path("schedule").asText()));
        }
    }
}
