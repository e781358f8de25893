package dev.propsops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricPointTest {
    @Test
    void everyMetricIsAGaugeUnderTheOnePrefixWithAUniqueTypeAndBoundedLabels() {
        Set<String> types = new HashSet<>();
        for (OpsMetric m : OpsMetric.values()) {
            assertThat(m.type()).startsWith("custom.googleapis.com/props_ops/").matches("[a-z0-9_./]+");
            assertThat(types.add(m.type())).as(m.type()).isTrue();
            assertThat(m.labels()).isNotEmpty().doesNotContain("doc_id", "document", "run_id", "id");
            assertThat(OpsMetric.ofType(m.type())).contains(m);
        }
        assertThat(OpsMetric.ofType("custom.googleapis.com/props_ops/nope")).isEmpty();
    }

    @Test
    void aPointCarriesExactlyItsMetricsLabels() {
        MetricPoint p = MetricPoint.of(OpsMetric.HEARTBEAT_PROCESSORS, 3, "collection", "c", "state", "ok");
        assertThat(p.labels()).containsEntry("state", "ok").hasSize(2);
        assertThat(p.seriesKey()).isEqualTo("custom.googleapis.com/props_ops/heartbeat/processors{collection=c, state=ok}");
        assertThatThrownBy(() -> MetricPoint.of(OpsMetric.HEARTBEAT_PROCESSORS, 3, "collection", "c"))
                .hasMessageContaining("takes the labels [collection, state]");
        assertThatThrownBy(() -> MetricPoint.of(OpsMetric.HEARTBEAT_COLLECTION_SIZE, 3, "collection", "c", "doc_id", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricPoint.of(OpsMetric.HEARTBEAT_COLLECTION_SIZE, 3, "collection", " "))
                .hasMessageContaining("label collection");
        assertThatThrownBy(() -> MetricPoint.of(OpsMetric.HEARTBEAT_COLLECTION_SIZE, 3, "collection", "x".repeat(1025)))
                .hasMessageContaining("1-1024");
        assertThatThrownBy(() -> MetricPoint.of(OpsMetric.HEARTBEAT_COLLECTION_SIZE, 3, "collection"))
                .hasMessageContaining("pairs");
    }

    @Test
    void valuesAreFiniteAndIntegerGaugesTakeWholeNumbers() {
        assertThatThrownBy(() -> MetricPoint.of(OpsMetric.HEARTBEAT_COLLECTION_SIZE, 2.5, "collection", "c"))
                .hasMessageContaining("integer gauge");
        assertThatThrownBy(() -> MetricPoint.of(OpsMetric.DRIFT_PSI, Double.NaN, "sport", "nba", "check", "c", "feature", "f",
                "month", "2026-01")).hasMessageContaining("finite");
        assertThat(MetricPoint.of(OpsMetric.DRIFT_PSI, 0.31, "sport", "nba", "check", "c", "feature", "f", "month", "2026-01")
                .value()).isEqualTo(0.31);
    }
}
