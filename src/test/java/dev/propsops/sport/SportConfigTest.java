package dev.propsops.sport;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SportConfigTest {
    @Inject
    SportConfig config;

    @Test
    void shipsDatasetsAndSeasonsForBothSports() {
        assertThat(config.of(Sport.nba).datasets()).contains("nba_raw", "nba_analytics", "nba_precompute", "nba_predictions");
        assertThat(config.of(Sport.mlb).datasets()).allMatch(d -> d.startsWith("mlb_"));
        assertThat(config.of(Sport.nba).seasons()).containsEntry("2025-26", LocalDate.of(2025, 10, 21))
                .containsEntry("2024-25", LocalDate.of(2024, 10, 22));
    }
}
