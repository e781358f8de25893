package dev.propsops.testing;

import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleColumn;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.SqlException;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLOptions.LanguageFeature;
import com.google.zetasql.ZetaSQLOptions.ProductMode;
import com.google.zetasql.ZetaSQLType.TypeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks SQL the way BigQuery's front end would, with ZetaSQL's analyzer (the open-source core of
 * BigQuery's SQL), against a catalog that mirrors the platform's real schemas ({@link PlatformSchemas}).
 * A statement that names a missing column, mistypes a parameter or misuses a function fails here.
 */
public final class BigQuerySqlValidator {
    private final SimpleCatalog root = new SimpleCatalog("bigquery");
    private final LanguageOptions language = new LanguageOptions();

    public BigQuerySqlValidator() {
        language.enableMaximumLanguageFeatures();
        language.setProductMode(ProductMode.PRODUCT_EXTERNAL);
        language.enableLanguageFeature(LanguageFeature.FEATURE_V_1_3_QUALIFY);
        language.setSupportsAllStatementKinds();
        root.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(language));
    }

    /** Scalar types by their BigQuery names: STRING, INT64, FLOAT64, BOOL, DATE, TIMESTAMP, BYTES, NUMERIC. */
    public static Type type(String bigQueryName) {
        String n = bigQueryName.trim().toUpperCase(java.util.Locale.ROOT);
        if (n.startsWith("ARRAY<") && n.endsWith(">")) {
            return TypeFactory.createArrayType(type(bigQueryName.trim().substring(6, n.length() - 1)));
        }
        if (n.startsWith("STRUCT<") && n.endsWith(">")) {
            // STRUCT<name TYPE, ...>, fields split at the commas outside nested <>
            String body = bigQueryName.trim().substring(7, n.length() - 1);
            List<com.google.zetasql.StructType.StructField> fields = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= body.length(); i++) {
                char c = i < body.length() ? body.charAt(i) : ',';
                depth += c == '<' ? 1 : c == '>' ? -1 : 0;
                if (c == ',' && depth == 0) {
                    String field = body.substring(start, i).trim();
                    int space = field.indexOf(' ');
                    fields.add(new com.google.zetasql.StructType.StructField(field.substring(0, space), type(field.substring(space + 1))));
                    start = i + 1;
                }
            }
            return TypeFactory.createStructType(fields);
        }
        return switch (n) {
            case "STRING" -> TypeFactory.createSimpleType(TypeKind.TYPE_STRING);
            case "INT64", "INTEGER" -> TypeFactory.createSimpleType(TypeKind.TYPE_INT64);
            case "FLOAT64", "FLOAT" -> TypeFactory.createSimpleType(TypeKind.TYPE_DOUBLE);
            case "BOOL", "BOOLEAN" -> TypeFactory.createSimpleType(TypeKind.TYPE_BOOL);
            case "DATE" -> TypeFactory.createSimpleType(TypeKind.TYPE_DATE);
            case "TIMESTAMP" -> TypeFactory.createSimpleType(TypeKind.TYPE_TIMESTAMP);
            case "DATETIME" -> TypeFactory.createSimpleType(TypeKind.TYPE_DATETIME);
            case "BYTES" -> TypeFactory.createSimpleType(TypeKind.TYPE_BYTES);
            case "NUMERIC" -> TypeFactory.createSimpleType(TypeKind.TYPE_NUMERIC);
            default -> throw new IllegalArgumentException("unknown BigQuery type " + bigQueryName);
        };
    }

    /**
     * Adds a table as {@code dataset.table}, and also as {@code project.dataset.table} for every project
     * given; columns as "name TYPE" pairs in order, e.g. {@code "game_date DATE", "features ARRAY<FLOAT64>"}.
     */
    public BigQuerySqlValidator table(String datasetAndTable, List<String> projects, String... columns) {
        String[] parts = datasetAndTable.split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected dataset.table, got " + datasetAndTable);
        }
        List<SimpleCatalog> parents = new ArrayList<>();
        parents.add(root);
        for (String project : projects) {
            parents.add(child(root, project));
            // BigQuery also reads `project.dataset.table` in one pair of backticks as a path
            root.addSimpleTable(project + "." + datasetAndTable, newTable(parts[1], columns));
        }
        root.addSimpleTable(datasetAndTable, newTable(parts[1], columns));
        for (SimpleCatalog parent : parents) {
            child(parent, parts[0]).addSimpleTable(parts[1], newTable(parts[1], columns));
        }
        return this;
    }

    private static SimpleTable newTable(String name, String... columns) {
        SimpleTable table = new SimpleTable(name);
        for (String column : columns) {
            int space = column.indexOf(' ');
            table.addSimpleColumn(new SimpleColumn(name, column.substring(0, space), type(column.substring(space + 1))));
        }
        return table;
    }

    /** Analyzes one statement with its named parameters ("name" -> BigQuery type); throws what the analyzer says. */
    public void validate(String sql, Map<String, String> parameters) {
        AnalyzerOptions options = new AnalyzerOptions();
        options.setLanguageOptions(language);
        options.setPruneUnusedColumns(true);
        for (Map.Entry<String, String> p : new LinkedHashMap<>(parameters).entrySet()) {
            options.addQueryParameter(p.getKey(), type(p.getValue()));
        }
        try {
            Analyzer.analyzeStatement(sql, options, root);
        } catch (SqlException e) {
            throw new AssertionError("ZetaSQL rejects the statement: " + e.getMessage() + "\n" + sql, e);
        }
    }

    private static SimpleCatalog child(SimpleCatalog parent, String name) {
        SimpleCatalog existing = parent.getCatalogList().stream().filter(c -> c.getFullName().equals(name))
                .map(SimpleCatalog.class::cast).findFirst().orElse(null);
        return existing != null ? existing : parent.addNewSimpleCatalog(name);
    }
}
