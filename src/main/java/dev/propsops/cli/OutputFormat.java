package dev.propsops.cli;

/** How a command renders its report on standard output. */
public enum OutputFormat {
    text,
    json
}
