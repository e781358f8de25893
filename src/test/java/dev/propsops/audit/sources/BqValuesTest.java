package dev.propsops.audit.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** bq's JSON values, read leniently. */
class BqValuesTest {
    static JsonNode s(String v) {
        return JsonNodeFactory.instance.textNode(v);
    }

    @Test
    void timestampsInEveryShapeBqAndGcloudPrint() {
        Instant t = Instant.parse("2026-11-30T10:00:00.123456Z");
        assertThat(BqValues.timestamp(s("2026-11-30 10:00:00.123456 UTC"), "t")).contains(t);
        assertThat(BqValues.timestamp(s("2026-11-30 10:00:00.123456"), "t")).contains(t);
        assertThat(BqValues.timestamp(s("2026-11-30T10:00:00.123456Z"), "t")).contains(t);
        assertThat(BqValues.timestamp(s("2026-11-30 10:00:00 UTC"), "t")).contains(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(BqValues.timestamp(s("2026-11-30 10:00"), "t")).contains(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(BqValues.timestamp(s("2026-11-30 12:00:00+02:00"), "t")).contains(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(BqValues.timestamp(s("1.796032800123456E9"), "t")).contains(t);
        assertThat(BqValues.timestamp(JsonNodeFactory.instance.numberNode(1796032800L), "t")).contains(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(BqValues.timestamp(s("null"), "t")).isEmpty();
        assertThat(BqValues.timestamp(JsonNodeFactory.instance.nullNode(), "t")).isEmpty();
        assertThatThrownBy(() -> BqValues.timestamp(s("30/11/2026"), "creation_time"))
                .hasMessage("creation_time = \"30/11/2026\" is not a timestamp");
    }

    @Test
    void numbersAndBooleansAsStrings() {
        assertThat(BqValues.number(s("2199023255552"), "n")).isEqualTo(2199023255552L);
        assertThat(BqValues.number(JsonNodeFactory.instance.numberNode(7), "n")).isEqualTo(7);
        assertThat(BqValues.number(s("null"), "n")).isZero();
        assertThatThrownBy(() -> BqValues.number(s("1.5"), "total_bytes_billed")).hasMessageContaining("not a whole number");
        assertThat(BqValues.bool(s("true"), "b")).isTrue();
        assertThat(BqValues.bool(s("False"), "b")).isFalse();
        assertThat(BqValues.bool(JsonNodeFactory.instance.booleanNode(true), "b")).isTrue();
        assertThatThrownBy(() -> BqValues.bool(s("yes"), "cache_hit")).hasMessageContaining("cache_hit = \"yes\" is not a boolean");
    }
}
