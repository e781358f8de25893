package dev.propsops.logs.source.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.logs.source.LogSeverity;
import dev.propsops.logs.source.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PacerAndFilterTest {
    @Test
    void theFirstRequestGoesAtOnceTheNextWaitFromTheEndOfThePrevious() throws Exception {
        long[] now = {1_000_000_000L};
        List<Long> sleeps = new ArrayList<>();
        Pacer pacer = new Pacer(1.0, () -> now[0], nanos -> {
            sleeps.add(nanos);
            now[0] += nanos;
        });
        pacer.await();
        now[0] += 300_000_000L; // the call takes 300 ms
        pacer.done();
        pacer.await();
        assertThat(sleeps).containsExactly(1_000_000_000L);
        now[0] += 1_500_000_000L; // a slow page: no wait after it ends... but the interval still counts from its end
        pacer.done();
        now[0] += 2_000_000_000L;
        pacer.await();
        assertThat(sleeps).hasSize(1);
        assertThatThrownBy(() -> new Pacer(0, () -> 0L, n -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFilterAlwaysHasBothTimestampBoundsAndQuotesNames() {
        Window w = new Window(Instant.parse("2026-01-25T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
        LogFilter f = new LogFilter(LogSeverity.ERROR, List.of("cloud_run_revision"), List.of("odd\"name\\"), Optional.of("  "));
        assertThat(f.of(w)).isEqualTo("timestamp >= \"2026-01-25T00:00:00Z\" AND timestamp < \"2026-02-01T00:00:00Z\" AND severity >= ERROR "
                + "AND resource.type = \"cloud_run_revision\" AND (resource.labels.service_name = \"odd\\\"name\\\\\" OR "
                + "resource.labels.job_name = \"odd\\\"name\\\\\")");
        assertThat(new LogFilter(LogSeverity.WARNING, List.of(), List.of(), Optional.empty()).of(w)).contains("timestamp >= ")
                .contains("timestamp < ").endsWith("severity >= WARNING");
    }
}
