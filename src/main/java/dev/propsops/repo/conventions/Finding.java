package dev.propsops.repo.conventions;

import dev.propsops.cli.Rating;

/**
 * One breach of the repository's conventions: which rule, how serious, where (file and line, 0 when the
 * whole file is meant) and what to do about it.
 */
public record Finding(String rule, Rating rating, String file, int line, String message, String fix) {
    /** "deployment/x.sh:12". */
    public String where() {
        return line > 0 ? file + ":" + line : file;
    }
}
