package dev.propsops.audit.bigquery;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape of a query: its text with literals masked and whitespace collapsed, so that one recurring query
 * (the same statement with another date or id) is one row of the cost report. The rules are regular
 * expressions written so that Java and RE2 (BigQuery's {@code REGEXP_REPLACE}) read them alike: the online
 * audit sends the same patterns as query parameters and BigQuery computes the shapes, the offline audit
 * applies them here, and a test runs both on ZetaSQL's reference engine to check that they agree.
 *
 * <p>In order: string literals ('...', "...", with backslash escapes) become {@code ?}; comments go; date
 * suffixes of sharded tables ({@code events_20260101}) become {@code _YYYYMMDD}; numbers that stand alone
 * (not inside a name like {@code backup_20250115}) become {@code ?}; a list of masks ({@code IN (?, ?, ?)})
 * becomes one {@code ?}; whitespace runs become one space. Case is kept: BigQuery table names are
 * case-sensitive.
 */
public final class QueryShapes {
    /** One rewrite: pattern and replacement (no group references, so Java and RE2 agree on it). */
    public record Rule(String name, String pattern, String replacement) {
        Pattern compiled() {
            return Pattern.compile(pattern);
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule("shape_strings", "'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"", "?"),
            new Rule("shape_comments", "(?s)--[^\\n]*|#[^\\n]*|/\\*.*?\\*/", " "),
            new Rule("shape_shards", "_(?:19|20)[0-9]{6}\\b", "_YYYYMMDD"),
            new Rule("shape_numbers", "\\b[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\\b", "?"),
            new Rule("shape_lists", "\\?(?:\\s*,\\s*\\?)+", "?"),
            new Rule("shape_spaces", "\\s+", " "));

    /** Shapes are cut to this many characters (the grouping uses the whole shape). */
    public static final int MAX_SHOWN = 4000;

    private static final List<Pattern> COMPILED = RULES.stream().map(Rule::compiled).toList();

    private QueryShapes() {
    }

    /** The shape of one query; empty for a job without query text. */
    public static String of(String query) {
        if (query == null) {
            return "";
        }
        String s = query;
        for (int i = 0; i < RULES.size(); i++) {
            s = COMPILED.get(i).matcher(s).replaceAll(RULES.get(i).replacement());
        }
        return s.strip();
    }

    /** The SQL expression that computes the shape of {@code column}, with the rules as named parameters. */
    public static String sql(String column) {
        String expr = column;
        for (Rule r : RULES) {
            expr = "REGEXP_REPLACE(" + expr + ", @" + r.name() + ", '" + r.replacement() + "')";
        }
        return "TRIM(" + expr + ")";
    }
}
