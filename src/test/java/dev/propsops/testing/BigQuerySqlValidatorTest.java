package dev.propsops.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator itself must be able to fail, or every SQL test built on it proves nothing. */
class BigQuerySqlValidatorTest {
    private final BigQuerySqlValidator validator = PlatformSchemas.validator();

    @Test
    void acceptsAValidMetadataQueryWithParameters() {
        assertThatCode(() -> validator.validate("""
                SELECT table_id, type, last_modified_time, size_bytes, row_count
                FROM `test-project.nba_raw.__TABLES__`
                WHERE last_modified_time < @cutoff_ms AND REGEXP_CONTAINS(table_id, @pattern)""",
                Map.of("cutoff_ms", "INT64", "pattern", "STRING"))).doesNotThrowAnyException();
    }

    @Test
    void rejectsUnknownColumnsTablesAndMistypedParameters() {
        assertThatThrownBy(() -> validator.validate("SELECT modified FROM nba_raw.__TABLES__", Map.of()))
                .hasMessageContaining("Unrecognized name");
        assertThatThrownBy(() -> validator.validate("SELECT 1 FROM nba_raw.no_such_table", Map.of()))
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> validator.validate("SELECT table_id FROM nba_raw.__TABLES__ WHERE size_bytes > @p",
                Map.of("p", "DATE"))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> validator.validate("SELECT table_id FROM nba_raw.__TABLES__ WHERE x = @missing", Map.of()))
                .isInstanceOf(AssertionError.class);
    }
}
