package dev.propsops.drift.check;

import java.util.regex.Pattern;

/** A table as {@code dataset.table}; both parts are plain identifiers, so they are safe to write into SQL. */
public record TableRef(String dataset, String table) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,1023}");

    public TableRef {
        requireIdentifier(dataset, "dataset");
        requireIdentifier(table, "table");
    }

    /** Parses {@code dataset.table}; throws IllegalArgumentException naming the rule broken. */
    public static TableRef parse(String value) {
        String[] parts = value == null ? new String[0] : value.trim().split("\\.", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + value + "' is not dataset.table");
        }
        return new TableRef(parts[0], parts[1]);
    }

    public static String requireIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid " + what
                    + " name (letters, digits and underscores, not starting with a digit)");
        }
        return name;
    }

    @Override
    public String toString() {
        return dataset + "." + table;
    }
}
