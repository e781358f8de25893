package dev.propsops.staging;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which names are staging tables, and which are protected whatever their name. The default staging
 * pattern wants a {@code _temp}, {@code _tmp}, {@code _staging}, {@code _backup}, {@code _bak} or
 * {@code _old} part followed by {@code _} or the end of the name, in any case: the handoff's
 * {@code player_game_summary_staging_v2}, {@code team_defense_backup_20250115} and {@code odds_api_temp_test}
 * match; {@code attempts}, {@code temporal_stats}, {@code player_temporal_stats} and {@code old_school_stats}
 * (a leading word, not a {@code _old} part) do not. When in doubt a name does not match: a missed staging
 * table costs cents, a deleted production table costs a day.
 */
public final class NamePolicy {
    public static final String DEFAULT_PATTERN = "(?i)_(temp|tmp|staging|backup|bak|old)(_|$)";

    private final Pattern staging;
    private final List<Pattern> protect;

    private NamePolicy(Pattern staging, List<Pattern> protect) {
        this.staging = staging;
        this.protect = protect;
    }

    /** Compiles the patterns; an invalid one is an {@link IllegalArgumentException} that names it. */
    public static NamePolicy of(String stagingPattern, List<String> protectPatterns) {
        return new NamePolicy(compile(stagingPattern, "staging pattern"),
                protectPatterns.stream().filter(p -> !p.isBlank()).map(p -> compile(p, "protect pattern")).toList());
    }

    public static NamePolicy defaults() {
        return of(DEFAULT_PATTERN, List.of());
    }

    public boolean isStaging(String table) {
        return staging.matcher(table).find();
    }

    /** The protect pattern found in the table name or in {@code dataset.table}, if any. */
    public Optional<String> protectedBy(String dataset, String table) {
        String full = dataset + "." + table;
        return protect.stream().filter(p -> p.matcher(table).find() || p.matcher(full).find())
                .map(Pattern::pattern).findFirst();
    }

    public String stagingPattern() {
        return staging.pattern();
    }

    public List<String> protectPatterns() {
        return protect.stream().map(Pattern::pattern).toList();
    }

    private static Pattern compile(String regex, String what) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the " + what + " '" + regex + "' is not a valid regular expression: "
                    + e.getDescription(), e);
        }
    }
}
