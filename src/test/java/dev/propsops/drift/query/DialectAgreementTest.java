package dev.propsops.drift.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.drift.ConfiguredChecks;
import dev.propsops.drift.demo.FeatureStoreGenerator;
import dev.propsops.drift.demo.PlatformData;
import dev.propsops.drift.duckdb.DuckDbStatsSource;
import dev.propsops.drift.findings.DriftEvaluator;
import dev.propsops.drift.findings.Finding;
import dev.propsops.drift.findings.FindingStatus;
import dev.propsops.drift.plan.Baseline;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.ComparisonPlanner;
import dev.propsops.drift.plan.Period;
import dev.propsops.drift.season.SeasonCalendar;
import dev.propsops.drift.stats.Measurements;
import dev.propsops.drift.stats.PeriodStats;
import dev.propsops.drift.stats.Quantiles;
import dev.propsops.drift.testdata.ShippedConfig;
import dev.propsops.sport.Sport;
import dev.propsops.testing.PlatformSchemas;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One query builder, two dialects, the same answers: the same synthetic rows go through the DuckDB
 * statement on DuckDB and through the BigQuery statement on ZetaSQL's reference engine; the figures and
 * the verdicts must agree.
 */
class DialectAgreementTest {
    static final LocalDate TODAY = LocalDate.of(2026, 2, 2);

    @TempDir
    static Path tmp;

    static Path database;

    @BeforeAll
    static void data() throws Exception {
        // a small handoff: Jan 2025 and Jan 2026, 5% of the arrays too short (they must be left out by both)
        database = new PlatformData()
                .nba(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), FeatureStoreGenerator.Shape.of(30, 0.994).withShortArrays(0.05), 0.74)
                .nba(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), FeatureStoreGenerator.Shape.of(69, 0.434).withShortArrays(0.05)
                        .shifted(3, 1.0), 0.58)
                .writeDuckDb(tmp.resolve("agreement.duckdb"));
    }

    @Test
    void duckDbAndBigQuerySqlAgreeOnTheSameRows() throws Exception {
        ComparisonPlan plan = ComparisonPlanner.plan(Optional.of(YearMonth.of(2026, 1)), Optional.empty(), Optional.empty(),
                Baseline.PREVIOUS_SEASON, TODAY);
        ConfiguredChecks checks = ConfiguredChecks.of(ShippedConfig.drift(), Sport.nba);
        List<StatsQuery> queries = checks.queries(plan);
        ZetaSqlEngine zeta = new ZetaSqlEngine();
        try (Connection c = PlatformData.connect(database)) {
            for (StatsQuery q : queries) {
                zeta.copy(c, "test-project", q.table().toString(), PlatformSchemas.DRIFT_TABLES.get(q.table().toString()));
            }
        }
        DriftEvaluator evaluator = new DriftEvaluator(new SeasonCalendar(Map.of(), 14));
        try (DuckDbStatsSource duck = DuckDbStatsSource.database(database)) {
            assertThat(duck.preflight(queries).runnable()).hasSize(3);
            Map<String, Finding> duckFindings = new HashMap<>();
            Map<String, Finding> zetaFindings = new HashMap<>();
            for (StatsQuery q : queries) {
                Measurements fromDuck = duck.measure(q);
                SqlStatement bq = StatsSql.build(q, Dialect.BIGQUERY, Dialect.BIGQUERY.table(Optional.of("test-project"), q.table()));
                Measurements fromZeta = Measurements.read(q, zeta.run(bq));
                for (Period p : plan.periods()) {
                    PeriodStats d = fromDuck.of(p);
                    PeriodStats z = fromZeta.of(p);
                    assertThat(d.rows()).as(q.name() + " rows " + p.label()).isEqualTo(z.rows()).isPositive();
                    assertThat(d.gameDays()).isEqualTo(z.gameDays()).isEqualTo(31);
                    assertThat(d.outcome()).isEqualTo(z.outcome());
                    for (int i = 0; i < q.features().size(); i++) {
                        assertThat(d.features().get(i).present()).as(q.features().get(i).name()).isEqualTo(z.features().get(i).present());
                        if (d.features().get(i).present() > 0) {
                            Quantiles dq = d.features().get(i).quantiles().orElseThrow();
                            Quantiles zq = z.features().get(i).quantiles().orElseThrow();
                            // fewer than 8,192 values: DuckDB's reservoir holds them all, so the quantiles are exact
                            assertThat(dq).as(q.features().get(i).name() + " quantiles " + p.label()).isEqualTo(zq);
                        }
                    }
                }
                q.check().ifPresent(check -> {
                    evaluator.evaluate(check, fromDuck, Map.of()).forEach(f -> duckFindings.put(key(f), f));
                    evaluator.evaluate(check, fromZeta, Map.of()).forEach(f -> zetaFindings.put(key(f), f));
                });
            }
            assertThat(duckFindings).hasSize(36).containsOnlyKeys(zetaFindings.keySet());
            duckFindings.forEach((k, d) -> {
                Finding z = zetaFindings.get(k);
                assertThat(d.status()).as(k).isEqualTo(z.status());
                assertThat(d.current().coverage()).as(k).isEqualTo(z.current().coverage());
                assertThat(d.psi()).as(k).isEqualTo(z.psi());
                assertThat(d.explanation()).as(k).isEqualTo(z.explanation());
            });
            // and the data says what it was made to say, in both
            assertThat(duckFindings.get("feature-store/vegas_points_line").status()).isEqualTo(FindingStatus.critical);
            assertThat(duckFindings.get("feature-store/points_std_last_10").reasons()).containsExactly("distribution");
            assertThat(duckFindings.get("feature-store/(rows)").current().rows()).as("short arrays left out")
                    .isBetween(69L * 31 * 90 / 100, 69L * 31 * 99 / 100);
        }
    }

    private static String key(Finding f) {
        return f.check() + "/" + f.feature().orElse("(rows)");
    }
}
