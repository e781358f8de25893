package dev.propsops.repo.git;

import java.util.Locale;
import java.util.Optional;

/** A file that differs between two commits, within a service's paths; renames keep their old path. */
public record FileChange(Change change, String path, Optional<String> oldPath) {
    public enum Change {
        ADD,
        MODIFY,
        DELETE,
        RENAME,
        COPY;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** "M src/a.py", "R old.py -> new.py". */
    public String describe() {
        String letter = change.name().substring(0, 1);
        return oldPath.map(o -> letter + " " + o + " -> " + path).orElse(letter + " " + path);
    }
}
