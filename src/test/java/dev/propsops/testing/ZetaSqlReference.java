package dev.propsops.testing;

import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.PreparedQuery;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleColumn;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.TableContent;
import com.google.zetasql.Value;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLOptions.ProductMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ZetaSQL's reference engine (the open-source core of BigQuery's SQL) with tables of the test's own: runs
 * a BigQuery statement as written, with its named parameters, and gives each row by column name. Tests use
 * it to show that a BigQuery statement computes what the offline code (DuckDB, plain Java) computes.
 */
public final class ZetaSqlReference {
    private final SimpleCatalog catalog = new SimpleCatalog("bigquery");
    private final LanguageOptions language = new LanguageOptions();
    private final Map<String, TableContent> contents = new HashMap<>();

    public ZetaSqlReference() {
        language.enableMaximumLanguageFeatures();
        language.setProductMode(ProductMode.PRODUCT_EXTERNAL);
        language.setSupportsAllStatementKinds();
        catalog.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(language));
    }

    /** Adds a table {@code name} with its columns and rows (each row's values in column order). */
    public void addTable(String name, List<SimpleColumn> columns, List<List<Value>> rows) {
        SimpleTable table = new SimpleTable(name);
        columns.forEach(table::addSimpleColumn);
        catalog.addSimpleTable(name, table);
        contents.put(name, TableContent.create(rows));
    }

    /** Runs {@code sql} with parameters (LocalDate, Instant, Long or String values); rows by column name. */
    public List<Map<String, Value>> rows(String sql, Map<String, ?> parameters) {
        AnalyzerOptions options = new AnalyzerOptions();
        options.setLanguageOptions(language);
        Map<String, Value> params = new HashMap<>();
        parameters.forEach((name, v) -> {
            Value value = v instanceof LocalDate d ? Value.createDateValue(d)
                    : v instanceof Instant i ? Value.createTimestampValueFromUnixMicros(i.getEpochSecond() * 1_000_000L + i.getNano() / 1000)
                    : v instanceof Long l ? Value.createInt64Value(l) : Value.createStringValue((String) v);
            options.addQueryParameter(name, value.getType());
            params.put(name, value);
        });
        try (PreparedQuery q = PreparedQuery.builder().setSql(sql).setAnalyzerOptions(options).setCatalog(catalog)
                .setTablesContents(contents).prepare()) {
            List<SimpleColumn> columns = q.getColumns();
            List<Map<String, Value>> out = new ArrayList<>();
            for (List<Value> row : q.execute(params).getTableData()) {
                Map<String, Value> byName = new HashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    byName.put(columns.get(i).getName(), row.get(i));
                }
                out.add(byName);
            }
            return out;
        }
    }
}
