package dev.propsops.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentIdsTest {
    @ParameterizedTest
    @ValueSource(strings = { "nba-phase3-analytics-processors", "mlb_pitcher_props_validator", "p", "a.b", "__x",
            "x__", "___", "__", "péché-processor", "with space" })
    void validIds(String id) {
        assertThat(DocumentIds.violation(id)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a/b                 | contains '/'",
            "/leading            | contains '/'",
            ".                   | is '.'",
            "..                  | is '..'",
            "__heartbeat__       | __.*__",
            "____                | __.*__",
    })
    void invalidIdsNameTheRule(String id, String rule) {
        assertThat(DocumentIds.violation(id.trim())).hasValueSatisfying(v -> assertThat(v).contains(rule.trim()));
    }

    @org.junit.jupiter.api.Test
    void emptyAndOversizedIds() {
        assertThat(DocumentIds.violation("")).hasValueSatisfying(v -> assertThat(v).contains("empty"));
        assertThat(DocumentIds.violation(null)).hasValueSatisfying(v -> assertThat(v).contains("empty"));
        assertThat(DocumentIds.violation("x".repeat(1500))).isEmpty();
        assertThat(DocumentIds.violation("x".repeat(1501))).hasValueSatisfying(v -> assertThat(v).contains("1,500 bytes"));
        // 500 three-byte characters are 1,500 bytes; one more is over although only 501 characters long
        assertThat(DocumentIds.violation("€".repeat(500))).isEmpty();
        assertThat(DocumentIds.violation("€".repeat(501))).hasValueSatisfying(v -> assertThat(v).contains("1503 bytes"));
    }
}
