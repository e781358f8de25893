package dev.propsops.audit.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Shapes: one recurring query is one shape; names with digits stay names. (Agreement with BigQuery: JobsSqlTest.) */
class QueryShapesTest {
    @Test
    void literalsAreMaskedAndWhitespaceCollapsed() {
        assertThat(QueryShapes.of("SELECT *\n  FROM `p.d.t`\n WHERE game_date = '2026-01-05' AND pts > 25.5"))
                .isEqualTo(QueryShapes.of("SELECT * FROM `p.d.t` WHERE game_date = '2026-02-01'   AND pts > 30"))
                .isEqualTo("SELECT * FROM `p.d.t` WHERE game_date = ? AND pts > ?");
        assertThat(QueryShapes.of("SELECT a FROM t WHERE id IN (1, 2, 3)")).isEqualTo(QueryShapes.of("SELECT a FROM t WHERE id IN (7)"));
        assertThat(QueryShapes.of("SELECT \"a \\\" b\" -- a comment with 'quotes'\nFROM t /* 2026 */")).isEqualTo("SELECT ? FROM t");
        assertThat(QueryShapes.of("SELECT features[OFFSET(25)] FROM nba_predictions.ml_feature_store_v2"))
                .isEqualTo("SELECT features[OFFSET(?)] FROM nba_predictions.ml_feature_store_v2");
        assertThat(QueryShapes.of("SELECT * FROM `p.analytics_123.events_20260101`"))
                .isEqualTo("SELECT * FROM `p.analytics_123.events_YYYYMMDD`");
        assertThat(QueryShapes.of(null)).isEmpty();
        assertThat(QueryShapes.of("  \n ")).isEmpty();
    }

    @Test
    void theSqlExpressionNamesEveryRuleAsAParameter() {
        String sql = QueryShapes.sql("query");
        for (QueryShapes.Rule r : QueryShapes.RULES) {
            assertThat(sql).contains("@" + r.name());
        }
        assertThat(sql).startsWith("TRIM(REGEXP_REPLACE(");
    }
}
