package dev.propsops.drift.check;

import java.util.Optional;

/** Where the hit rate comes from: a BOOL column of graded predictions, optionally for one system. */
public record Outcome(TableRef table, String dateColumn, String correctColumn, Optional<String> filterColumn,
        Optional<String> filterValue) {
    public String describe() {
        return table + "." + correctColumn + filterColumn.map(c -> " where " + c + " = '" + filterValue.orElse("") + "'").orElse("");
    }
}
