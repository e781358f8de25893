package dev.propsops.repo.servicemap;

/**
 * Something wrong in the service map, at a line. deploy-drift refuses a map with any problem (exit 2);
 * repo-check reports the Dockerfile problems as findings, because checking them is its job, and refuses
 * the others.
 */
public record MapProblem(Kind kind, int line, String message, String fix) {
    public enum Kind {
        /** Not YAML, an unknown key, a missing name, a value of the wrong type, a duplicate entry. */
        STRUCTURE,
        /** An entry with no Dockerfile, several, or one that does not exist. */
        DOCKERFILE,
        /** A source path that does not exist. */
        PATH
    }
}
