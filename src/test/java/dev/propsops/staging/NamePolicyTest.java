package dev.propsops.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The name policy as a table of cases: the handoff's names, near misses, and protected names. */
class NamePolicyTest {
    private final NamePolicy defaults = NamePolicy.defaults();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // the handoff's three examples
            "player_game_summary_staging_v2, true",
            "team_defense_backup_20250115,   true",
            "odds_api_temp_test,             true",
            // every marker, in the middle and at the end
            "odds_api_temp,                  true",
            "boxscores_tmp,                  true",
            "boxscores_tmp_2,                true",
            "player_props_staging,           true",
            "schedule_backup,                true",
            "schedule_bak,                   true",
            "schedule_bak_0115,              true",
            "injuries_old,                   true",
            "injuries_old_v1,                true",
            "ODDS_API_TEMP_TEST,             true",
            "Player_Staging_V2,              true",
            // production names and near misses
            "gold_players,                   false",
            "attempts,                       false",
            "temporal_stats,                 false",
            "player_temporal_stats,          false",
            "old_school_stats,               false",
            "temp_odds,                      false",
            "staging_area,                   false",
            "player_game_summary,            false",
            "schedule_backups,               false",
            "boxscores_tmp2,                 false",
            "injuries_older_than_30d,        false",
            "bakery_sales,                   false",
            "game_bakeoff,                   false",
            "stagingv2,                      false",
            "team_oldest_players,            false",
    })
    void defaultPattern(String table, boolean staging) {
        assertThat(defaults.isStaging(table)).isEqualTo(staging);
    }

    @ParameterizedTest(name = "{0}.{1} protected: {2}")
    @CsvSource({
            "nba_raw,       odds_api_temp_keep,           true",
            "nba_raw,       odds_api_backup_20250115,     true",
            "nba_analytics, odds_api_backup_20250115,     false",
            "nba_raw,       player_game_summary_staging,  false",
            "mlb_raw,       audit_old,                    true",
    })
    void protectPatternsMatchTheNameOrDatasetDotTable(String dataset, String table, boolean isProtected) {
        NamePolicy policy = NamePolicy.of(NamePolicy.DEFAULT_PATTERN, List.of("_keep$", "^nba_raw\\.odds_api_backup_", "^audit_"));
        assertThat(policy.protectedBy(dataset, table).isPresent()).isEqualTo(isProtected);
    }

    @Test
    void aCustomPatternReplacesTheDefault() {
        NamePolicy policy = NamePolicy.of("^scratch_", List.of());
        assertThat(policy.isStaging("scratch_odds")).isTrue();
        assertThat(policy.isStaging("odds_api_temp_test")).isFalse();
    }

    @Test
    void invalidPatternsAreRejectedNamingThem() {
        assertThatThrownBy(() -> NamePolicy.of("_(temp", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("staging pattern '_(temp'");
        assertThatThrownBy(() -> NamePolicy.of(NamePolicy.DEFAULT_PATTERN, List.of("[keep"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("protect pattern '[keep'");
    }

    @Test
    void blankProtectPatternsAreIgnoredNotMatchEverything() {
        NamePolicy policy = NamePolicy.of(NamePolicy.DEFAULT_PATTERN, List.of(" ", ""));
        assertThat(policy.protectedBy("nba_raw", "odds_api_temp_test")).isEmpty();
    }
}
