package dev.propsops.heartbeat.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.cli.Severity;
import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HealthRulesTest {
    static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    final HealthRules rules = new HealthRules(NOW, Duration.ofHours(26));

    static MonitorDoc doc(Object lastBeat, Object status, Object interval) {
        return new MonitorDoc(new HeartbeatDoc("p", "p", lastBeat, NOW), status, interval);
    }

    @ParameterizedTest(name = "beat {0}h ago, status {1}, interval {2}s -> {3}")
    @CsvSource(nullValues = "null", value = {
            "1, completed, null, ok",
            "26, completed, null, ok",
            "27, completed, null, late",
            "52, running, null, late",
            "53, completed, null, stale",
            "1, failed, null, failed",
            "1, completed, 1800, late",
            "2, completed, 1800, stale",
            "0, running, 900, ok",
    })
    void stateFollowsTheBeatAgainstItsExpectedInterval(long hoursAgo, String status, Long interval, ProcessorState expected) {
        ProcessorHealth h = rules.assess("p", doc(NOW.minus(Duration.ofHours(hoursAgo)), status, interval));
        assertThat(h.state()).isEqualTo(expected);
        assertThat(h.age()).contains(Duration.ofHours(hoursAgo));
        assertThat(h.notes()).isEmpty();
    }

    @Test
    void malformedDocsAreStaleOrUseTheDefaultWithANote() {
        ProcessorHealth noBeat = rules.assess("p", doc(null, "completed", null));
        assertThat(noBeat.state()).isEqualTo(ProcessorState.stale);
        assertThat(noBeat.notes()).containsExactly("no last_heartbeat");

        ProcessorHealth stringBeat = rules.assess("p", doc("2026-02-01", 7L, "daily"));
        assertThat(stringBeat.state()).isEqualTo(ProcessorState.stale);
        assertThat(stringBeat.expectedInterval()).isEqualTo(Duration.ofHours(26));
        assertThat(stringBeat.notes()).hasSize(3);
    }

    @Test
    void scoreIsTheMeanWeightTimesOneHundred() {
        List<ProcessorHealth> list = List.of(
                rules.assess("a", doc(NOW, "completed", null)),
                rules.assess("b", doc(NOW.minus(Duration.ofHours(30)), "completed", null)),
                rules.assess("c", doc(NOW, "failed", null)),
                rules.missing("d"));
        assertThat(HealthRules.score(list)).isEqualTo(OptionalInt.of(38)); // (1 + 0.5 + 0 + 0) / 4 = 37.5
        assertThat(HealthRules.score(List.of())).isEmpty();
    }

    @Test
    void findingsAndTheirSeverity() {
        MonitorService.Limits limits = new MonitorService.Limits(50, 70, Duration.ofHours(26), Duration.ofHours(24), 5000);
        List<ProcessorHealth> healthy = List.of(rules.assess("a", doc(NOW, "completed", null)));
        assertThat(MonitorService.findings(30, limits, healthy, OptionalInt.of(100), Set.of())).isEmpty();

        var big = MonitorService.findings(106_000, limits, healthy, OptionalInt.of(100), Set.of("nba-phase2"));
        assertThat(big).extracting(MonitorReport.Finding::severity).containsExactly(Severity.critical, Severity.warn);
        assertThat(big.get(0).message()).contains("106,000", "50");
        assertThat(big.get(1).message()).contains("deploy the heartbeat fix to nba-phase2");

        var low = MonitorService.findings(30, limits, List.of(rules.missing("x")), OptionalInt.of(0), Set.of());
        assertThat(low).extracting(MonitorReport.Finding::severity).containsExactly(Severity.critical, Severity.warn);
        assertThat(MonitorService.findings(0, limits, List.of(), OptionalInt.empty(), Set.of()).get(0).message())
                .contains("no processor");
    }
}
