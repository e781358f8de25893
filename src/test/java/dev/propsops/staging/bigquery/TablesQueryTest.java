package dev.propsops.staging.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.propsops.testing.BigQuerySqlValidator;
import dev.propsops.testing.PlatformSchemas;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The metadata query, checked by ZetaSQL against the mirrored __TABLES__ of every sport's datasets. */
class TablesQueryTest {
    private static final BigQuerySqlValidator SQL = PlatformSchemas.validator();

    @ParameterizedTest
    @ValueSource(strings = { "nba_raw", "nba_analytics", "nba_precompute", "nba_predictions", "mlb_raw", "mlb_analytics",
            "mlb_precompute", "mlb_predictions" })
    void theQueryIsValidBigQuerySqlForEveryConfiguredDataset(String dataset) {
        for (String project : PlatformSchemas.PROJECTS) {
            String sql = TablesQuery.sql(project, dataset);
            assertThat(sql).contains("`" + project + "." + dataset + ".__TABLES__`");
            assertThatCode(() -> SQL.validate(sql, Map.of())).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "nba_raw`; DROP TABLE x; --", "nba_raw.__TABLES__", "nba-raw", "nba raw", "", "other.nba_raw",
            "nba_raw`", "ñba_raw" })
    void datasetsThatAreNotIdentifiersNeverReachTheSql(String dataset) {
        assertThat(TablesQuery.isValidDataset(dataset)).isFalse();
        assertThatThrownBy(() -> TablesQuery.sql("test-project", dataset)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid dataset id");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Test-Project", "p`x", "test-project.nba_raw", "x" })
    void projectsAreCheckedToo(String project) {
        assertThatThrownBy(() -> TablesQuery.sql(project, "nba_raw")).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void aMisspeltColumnWouldBeCaught() {
        // the validator is strict enough to catch a wrong __TABLES__ column name
        String wrong = TablesQuery.sql("test-project", "nba_raw").replace("last_modified_time", "last_modified");
        assertThatThrownBy(() -> SQL.validate(wrong, Map.of())).isInstanceOf(AssertionError.class);
    }
}
